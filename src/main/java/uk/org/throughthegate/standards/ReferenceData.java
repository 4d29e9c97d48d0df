package uk.org.throughthegate.standards;

import java.util.Optional;

import uk.org.throughthegate.standards.ConsortiumStandards.Establishment;
import uk.org.throughthegate.standards.ConsortiumStandards.HomeYot;

/** The YOTs, establishments and ROTL purposes a case can name, as the process owner's tables list them. */
public interface ReferenceData {

    Optional<HomeYot> homeYot(String id);

    Optional<Establishment> establishment(String id);

    Optional<ConsortiumStandards.RotlPurpose> rotlPurpose(String id);
}
