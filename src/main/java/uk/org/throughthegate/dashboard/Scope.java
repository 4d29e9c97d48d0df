package uk.org.throughthegate.dashboard;

/** Whose journeys a view counts: every consortium, one consortium or one YOT. */
public record Scope(Kind kind, String id) {

    public enum Kind { ALL, CONSORTIUM, YOT }

    static final Scope ALL = new Scope(Kind.ALL, null);

    static Scope consortium(String id) {
        return new Scope(Kind.CONSORTIUM, id);
    }

    static Scope yot(String id) {
        return new Scope(Kind.YOT, id);
    }

    /** As a request parameter: {@code consortium:south-london}, {@code yot:lewisham}, {@code all}. */
    public String key() {
        return kind == Kind.ALL ? "all" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }

    static Scope parse(String key) {
        if (key == null || key.isBlank() || key.equals("all")) {
            return ALL;
        }
        int colon = key.indexOf(':');
        if (colon > 0) {
            String kind = key.substring(0, colon);
            String id = key.substring(colon + 1);
            if (kind.equals("consortium") && !id.isBlank()) {
                return consortium(id);
            }
            if (kind.equals("yot") && !id.isBlank()) {
                return yot(id);
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a consortium (consortium:<id>), a YOT (yot:<id>) or all");
    }
}
