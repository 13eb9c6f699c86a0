package ro.marc.events.org;

/** Romania's 41 counties and the Municipality of Bucharest, by their official two-letter codes. */
public enum County {
    AB("Alba"), AR("Arad"), AG("Argeș"), BC("Bacău"), BH("Bihor"), BN("Bistrița-Năsăud"),
    BT("Botoșani"), BV("Brașov"), BR("Brăila"), BZ("Buzău"), CS("Caraș-Severin"), CL("Călărași"),
    CJ("Cluj"), CT("Constanța"), CV("Covasna"), DB("Dâmbovița"), DJ("Dolj"), GL("Galați"),
    GR("Giurgiu"), GJ("Gorj"), HR("Harghita"), HD("Hunedoara"), IL("Ialomița"), IS("Iași"),
    IF("Ilfov"), MM("Maramureș"), MH("Mehedinți"), MS("Mureș"), NT("Neamț"), OT("Olt"),
    PH("Prahova"), SM("Satu Mare"), SJ("Sălaj"), SB("Sibiu"), SV("Suceava"), TR("Teleorman"),
    TM("Timiș"), TL("Tulcea"), VS("Vaslui"), VL("Vâlcea"), VN("Vrancea"), B("București");

    private final String displayName;

    County(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
