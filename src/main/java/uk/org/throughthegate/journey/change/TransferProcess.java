package uk.org.throughthegate.journey.change;

/** Names of the transfer-establishment model: its start form's field and its initiator. */
public final class TransferProcess {

    public static final String KEY = "transfer-establishment";
    public static final String NEW_ESTABLISHMENT = "newEstablishment";
    public static final String TRANSFERRED_BY = "transferredBy";

    private TransferProcess() {
    }
}
