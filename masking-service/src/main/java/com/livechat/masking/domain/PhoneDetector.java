package com.livechat.masking.domain;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import com.livechat.platform.validation.TokenBoundaries;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static com.livechat.platform.validation.TokenBoundaries.isAsciiDigit;

/**
 * Phone numbers, in international format or in the national format of any of the configured regions, read by
 * this class and validated by Google's libphonenumber (its metadata only; its text matcher is not used, it is far
 * too slow for every chat message).
 *
 * <p>A number is a token of digits in groups joined by single spaces, dashes, dots or slashes, with an optional
 * {@code +} in front and area codes in parentheses, and an optional extension after it ({@code ext. 42},
 * {@code x42}, {@code poste 42}). Then:
 * <ul>
 * <li>With {@code +} (or a full-width {@code ＋}), it only has to be a complete <em>possible</em> number of its country
 * code: a customer who types an international number means a phone number even when its range is not (or no
 * longer) assigned, as in the product's own example {@code + 1 (123) 456 7890}. A trunk zero written after the
 * country code ({@code +33 (0)6...}) is dropped.</li>
 * <li>After an international call prefix of a configured region instead ({@code 00 33 6...}, {@code 011 33 6...}),
 * it must be a <em>valid</em> number of its country.</li>
 * <li>Otherwise it is read as a national number of each configured region in turn and accepted for the first one
 * where it is <em>valid</em>, written with that region's trunk prefix where it has one ({@code 0} in Europe; the
 * {@code 1} of North America is optional), and grouped the way that region writes it: every gap in what was typed
 * falls between two groups of libphonenumber's national format ({@code 06 12 34 56 78}, {@code 0612 345678} and
 * {@code 0612345678} are French numbers, {@code 2024-118734} is no US number). A number libphonenumber knows as
 * possible but not assigned (the UK's drama range {@code 07700 900123}) is accepted too when it is written exactly in
 * its region's grouping with its trunk zero: nobody types a reference that way.</li>
 * </ul>
 *
 * <p>Look-alikes are refused before any validation, for national numbers (a {@code +} number is a phone number):
 * dates ({@code 12/05/2026}, {@code 2026-12-05}, {@code 15.03.2024}), IPv4 addresses, identifiers the digits are part
 * of ({@code CMD-2026-001234}, {@code #48213377}), numbers announced as something else by the word before them
 * ({@link #REFERENCE_WORDS}: "order 0612345678", "colis n° 0612345678", "Reference 2125551234"), numbers laid out as
 * a US social security number ({@code 666-12-3456}), and year-prefixed serials ({@code 2024-118734}). Times
 * ({@code 14:30}) and versions ({@code v2.10.3}) never form a candidate. A national number needs at least
 * {@value #MIN_NATIONAL_DIGITS} digits (one-time codes such as {@code 482913} are not phone numbers), an
 * international one {@value Candidates#MIN_RUN_DIGITS}. When the digits go on after a number
 * ({@code 06 12 34 56 78 18h}), the leading groups are taken only if they are exactly a national number as its
 * region writes it, trunk prefix included.
 */
public final class PhoneDetector implements Detector {

    /** The regions of a European and North-American contact center: the default of the service's configuration. */
    public static final String DEFAULT_REGIONS = "FR,BE,CH,LU,DE,ES,IT,NL,PT,GB,IE,US,CA";

    /** Words that announce a number as a reference of some kind, not a phone number (English and French). */
    static final List<String> REFERENCE_WORDS = List.of("ref", "reference", "réf", "référence", "order", "commande",
            "cmd", "ticket", "tracking", "suivi", "colis", "parcel", "package", "shipment", "expédition", "invoice",
            "facture", "transaction", "lot", "batch", "item", "article", "sku", "dossier", "case", "contrat",
            "contract", "serial", "série", "imei", "siret", "siren", "tva", "vat", "code", "receipt", "reçu",
            "booking", "réservation", "confirmation");
    /** Words that may stand between a reference word and its number: "order number 123", "commande n° 123". */
    private static final List<String> FILLER_WORDS = List.of("n", "no", "nr", "num", "number", "numéro", "numero", "de",
            "du", "d", "of", "the", "le", "la", "my", "mon", "ma", "votre", "your", "is", "est", "id");
    private static final int WORDS_BACK = 3;
    private static final String[][] REFERENCE_WORDS_BY_LENGTH = byLength(REFERENCE_WORDS);
    private static final String[][] FILLER_WORDS_BY_LENGTH = byLength(FILLER_WORDS);

    private static final int MAX_DIGITS = 17;
    /** Shorter national numbers (a few fixed lines in Luxembourg or Germany) read as codes and references. */
    static final int MIN_NATIONAL_DIGITS = 8;
    /** What libphonenumber answers for a country calling code that does not exist. */
    private static final String UNKNOWN_REGION = "ZZ";
    private static final char NO_SEPARATOR = 0;

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    private final List<Region> regions;
    private final List<String> internationalPrefixes;

    /**
     * @param regionCodes ISO 3166 regions whose national format is read, in order, such as "FR", "US"; none for
     *                    {@link #DEFAULT_REGIONS}
     */
    public PhoneDetector(String... regionCodes) {
        if (regionCodes.length == 0) {
            regionCodes = DEFAULT_REGIONS.split(",");
        }
        MetadataSource metadataSource = DefaultMetadataDependenciesProvider.getInstance()
                .getPhoneNumberMetadataSource();
        Set<String> prefixes = new LinkedHashSet<>();
        List<Region> read = new ArrayList<>();
        for (String code : regionCodes) {
            String region = code.strip().toUpperCase(Locale.ROOT);
            if (!phoneNumbers.getSupportedRegions().contains(region)) {
                throw new IllegalArgumentException("Unknown phone region '" + code
                        + "': use ISO 3166 two-letter codes such as FR or US");
            }
            PhoneMetadata metadata = metadataSource.getMetadataForRegion(region);
            read.add(new Region(region, metadata.getCountryCode(),
                    metadata.hasNationalPrefix() ? metadata.getNationalPrefix() : "",
                    lengths(metadata.getGeneralDesc().getPossibleLengthList())));
            if (metadata.getInternationalPrefix().chars().allMatch(Character::isDigit)) {
                prefixes.add(metadata.getInternationalPrefix());
            }
        }
        this.regions = List.copyOf(read);
        this.internationalPrefixes = List.copyOf(prefixes);
    }

    @Override
    public void collect(String text, int from, int to, List<Finding> into) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if ((c == '+' || c == '(' || isAsciiDigit(c)) && startsNumber(text, i)) {
                Written number = Written.read(text, i);
                if (number != null) {
                    int end = accepted(text, number);
                    if (end > 0) {
                        into.add(new Finding(SensitiveType.PHONE, i, withExtension(text, end)));
                    }
                    i = Math.max(i + 1, end > 0 ? end : number.end());
                    continue;
                }
            }
            i++;
        }
    }

    private static boolean startsNumber(String text, int i) {
        char c = text.charAt(i);
        if (c == '+' || c == '(') {
            return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
        }
        return TokenBoundaries.startsToken(text, i) && (i == 0 || "+(".indexOf(text.charAt(i - 1)) < 0);
    }

    /** The end of the phone number {@code number} is, or of the one its leading groups are; -1 for none. */
    private int accepted(String text, Written number) {
        if (number.tooLong()) {
            return -1;
        }
        if (number.plus()) {
            return TokenBoundaries.endsToken(text, number.end()) && isInternational(number.digits(),
                    0, number.digitCount(), false) ? number.end() : -1;
        }
        if (isLookAlike(text, number) || isAnnouncedReference(text, number.start())) {
            return -1;
        }
        return dialledNumberEnd(text, number);
    }

    private int dialledNumberEnd(String text, Written number) {
        if (TokenBoundaries.endsToken(text, number.end()) && number.digitCount() >= MIN_NATIONAL_DIGITS
                && isDialledNumber(text, number, number.groupCount(), number.digitCount(), false)) {
            return number.end();
        }
        // "06 12 34 56 78 18h": the leading groups, when they are exactly a number as its region writes it.
        for (int groups = number.groupCount() - 1; groups >= 2; groups--) {
            int digits = number.digitsBefore(groups);
            if (digits < MIN_NATIONAL_DIGITS) {
                break;
            }
            if (number.separatorAfter(groups - 1) == ' ' && isDialledNumber(text, number, groups, digits, true)) {
                return number.endOfGroup(groups - 1);
            }
        }
        return -1;
    }

    /**
     * Whether the {@code groups} first groups are a number dialled from the configured regions; {@code strictly}: a
     * national number with its trunk prefix, grouped exactly as its region writes it.
     */
    private boolean isDialledNumber(String text, Written number, int groups, int digits, boolean strictly) {
        char[] all = number.digits();
        for (String prefix : internationalPrefixes) {
            if (startsWith(all, digits, prefix)) {
                return !strictly && isInternational(all, prefix.length(), digits, true);
            }
        }
        long validElsewhereGrouped = 0;
        for (int r = 0; r < regions.size(); r++) {
            switch (national(regions.get(r), number, groups, digits, strictly)) {
                case PHONE_NUMBER:
                    return true;
                case VALID_BUT_GROUPED_OTHERWISE:
                    validElsewhereGrouped |= 1L << r;
                    break;
                default:
                    break;
            }
        }
        for (int r = 0; r < regions.size(); r++) {
            if ((validElsewhereGrouped & (1L << r)) != 0
                    && isGroupedAsAlternateFormat(text, regions.get(r), number, groups)) {
                return true;
            }
        }
        return false;
    }

    /** What a typed number is as a national number of one region. */
    private enum NationalReading {
        NOT_A_NUMBER,
        /** Valid, but the gaps typed are not those of the region's national format. */
        VALID_BUT_GROUPED_OTHERWISE,
        PHONE_NUMBER
    }

    /** {@code digits[from, to)} as country code and number: possible, or valid when {@code mustBeValid}. */
    private boolean isInternational(char[] digits, int from, int to, boolean mustBeValid) {
        for (int codeLength = 1; codeLength <= 3 && from + codeLength < to; codeLength++) {
            int countryCode = (int) number(digits, from, from + codeLength);
            String region = phoneNumbers.getRegionCodeForCountryCode(countryCode);
            if (!UNKNOWN_REGION.equals(region)) {
                int nationalStart = from + codeLength;
                String trunk = phoneNumbers.getNddPrefixForRegion(region, true);
                if ("0".equals(trunk) && digits[nationalStart] == '0' && nationalStart + 1 < to) {
                    nationalStart++;
                }
                PhoneNumber phone = phoneNumber(countryCode, digits, nationalStart, to);
                return phone != null && (mustBeValid ? phoneNumbers.isValidNumber(phone)
                        : phoneNumbers.isPossibleNumberWithReason(phone) == ValidationResult.IS_POSSIBLE);
            }
        }
        return false;
    }

    private NationalReading national(Region region, Written number, int groups, int digits, boolean strictly) {
        char[] all = number.digits();
        int nationalStart = 0;
        if (strictly && !region.trunkPrefix().equals("0")) {
            return NationalReading.NOT_A_NUMBER;
        }
        if (region.trunkPrefix().equals("0")) {
            if (all[0] != '0') {
                return NationalReading.NOT_A_NUMBER;
            }
            nationalStart = 1;
        } else if (region.trunkPrefix().equals("1") && all[0] == '1') {
            nationalStart = 1;
        }
        if ((region.possibleLengths() & (1L << (digits - nationalStart))) == 0) {
            return NationalReading.NOT_A_NUMBER;
        }
        PhoneNumber phone = phoneNumber(region.countryCode(), all, nationalStart, digits);
        if (phone == null) {
            return NationalReading.NOT_A_NUMBER;
        }
        boolean valid = phoneNumbers.isValidNumberForRegion(phone, region.code());
        if (valid && (groups == 1 || isGroupedAsIn(phone, number, groups, digits, strictly))) {
            return NationalReading.PHONE_NUMBER;
        }
        if (!valid && nationalStart == 1 && region.trunkPrefix().equals("0") && groups > 1
                && phoneNumbers.isPossibleNumberWithReason(phone) == ValidationResult.IS_POSSIBLE
                && isGroupedAsIn(phone, number, groups, digits, true)) {
            return NationalReading.PHONE_NUMBER;
        }
        return valid && !strictly ? NationalReading.VALID_BUT_GROUPED_OTHERWISE : NationalReading.NOT_A_NUMBER;
    }

    /**
     * libphonenumber's own grouping check, which also knows the alternate formats people use ({@code 612 345 678}
     * in Spain besides {@code 612 34 56 78}): slow, so only asked for a valid number the national format did not
     * explain.
     */
    private boolean isGroupedAsAlternateFormat(String text, Region region, Written number, int groups) {
        String typed = text.substring(number.start(), number.endOfGroup(groups - 1));
        for (PhoneNumberMatch match : phoneNumbers.findNumbers(typed, region.code(), Leniency.STRICT_GROUPING,
                Long.MAX_VALUE)) {
            if (match.start() == 0 && match.end() == typed.length()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every gap typed between the {@code groups} first groups falls between two groups of the region's
     * national format (or, when {@code exactly}, the gaps are those of the format).
     */
    private boolean isGroupedAsIn(PhoneNumber phone, Written number, int groups, int digits,
            boolean exactly) {
        String formatted = phoneNumbers.format(phone, PhoneNumberFormat.NATIONAL);
        long formatGaps = 0;
        int formattedDigits = 0;
        for (int i = 0; i < formatted.length(); i++) {
            if (isAsciiDigit(formatted.charAt(i))) {
                if (formattedDigits > 0 && !isAsciiDigit(formatted.charAt(i - 1))) {
                    formatGaps |= 1L << formattedDigits;
                }
                formattedDigits++;
            }
        }
        // The format may leave out a trunk prefix that was typed ("1-800-555-0199" is "(800) 555-0199").
        int typedAhead = digits - formattedDigits;
        if (typedAhead < 0) {
            return false;
        }
        long typedGaps = 0;
        for (int group = 0; group < groups - 1; group++) {
            int gap = number.digitsBefore(group + 1) - typedAhead;
            if (gap > 0) {
                typedGaps |= 1L << gap;
            }
        }
        return exactly ? typedGaps == formatGaps : (typedGaps & ~formatGaps) == 0;
    }

    /** Dates, IPv4 addresses, SSN layouts, year-prefixed serials, identifiers: never a national phone number. */
    private static boolean isLookAlike(String text, Written number) {
        int groups = number.groupCount();
        char separator = number.separatorAfter(0);
        boolean oneSeparator = groups > 1 && "/.-".indexOf(separator) >= 0;
        for (int group = 1; group < groups - 1 && oneSeparator; group++) {
            oneSeparator = number.separatorAfter(group) == separator;
        }
        if (oneSeparator && groups == 3 && isDate(number.groupLength(0), number.groupLength(1),
                number.groupLength(2))) {
            return true;
        }
        if (oneSeparator && groups == 4 && separator == '.' && number.longestGroup() <= 3) {
            return true;
        }
        if (groups > 1 && separator != ' ' && number.groupLength(0) == 4 && isYear(number.digits())) {
            return true;
        }
        if (oneSeparator && groups == 3 && separator == '-' && number.groupLength(0) == 3
                && number.groupLength(1) == 2 && number.groupLength(2) == 4) {
            return true;   // the layout of a US social security number, valid or not (666-12-3456)
        }
        return isPartOfIdentifier(text, number.start());
    }

    /** "2024-118734", "2026/00917": a year, then a serial, as order and file numbers are made. */
    private static boolean isYear(char[] digits) {
        return (digits[0] == '1' && digits[1] == '9') || (digits[0] == '2' && digits[1] == '0');
    }

    private static boolean isDate(int first, int second, int third) {
        return (first <= 2 && second <= 2 && (third == 2 || third == 4)) || (first == 4 && second <= 2 && third <= 2);
    }

    /** {@code CMD-2026-001234}, {@code #48213377}, {@code n°12345678}: the digits belong to a longer identifier. */
    private static boolean isPartOfIdentifier(String text, int start) {
        if (start == 0) {
            return false;
        }
        char before = text.charAt(start - 1);
        if (before == '#' || before == '°' || before == '№') {
            return true;
        }
        return "-/_.:".indexOf(before) >= 0 && start >= 2 && Character.isLetterOrDigit(text.charAt(start - 2));
    }

    /** A reference word among the few words before the number, with only filler words in between. */
    private static boolean isAnnouncedReference(String text, int start) {
        int pos = start;
        for (int words = 0; words < WORDS_BACK; words++) {
            while (pos > 0 && !Character.isLetterOrDigit(text.charAt(pos - 1))) {
                pos--;
            }
            int wordEnd = pos;
            while (pos > 0 && Character.isLetter(text.charAt(pos - 1))) {
                pos--;
            }
            if (pos == wordEnd) {
                return false;
            }
            if (isOneOf(REFERENCE_WORDS_BY_LENGTH, text, pos, wordEnd)
                    || (text.charAt(wordEnd - 1) == 's' && isOneOf(REFERENCE_WORDS_BY_LENGTH, text, pos, wordEnd - 1))) {
                return true;
            }
            if (!isOneOf(FILLER_WORDS_BY_LENGTH, text, pos, wordEnd)) {
                return false;
            }
        }
        return false;
    }

    /** Whether {@code text[start, end)} is one of the words (indexed by length), in any case; no allocation. */
    private static boolean isOneOf(String[][] wordsByLength, String text, int start, int end) {
        int length = end - start;
        if (length >= wordsByLength.length) {
            return false;
        }
        for (String word : wordsByLength[length]) {
            if (text.regionMatches(true, start, word, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static String[][] byLength(List<String> words) {
        int longest = words.stream().mapToInt(String::length).max().orElse(0);
        String[][] byLength = new String[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int wanted = length;
            byLength[length] = words.stream().filter(word -> word.length() == wanted).toArray(String[]::new);
        }
        return byLength;
    }

    /** The end of an extension written after the number ({@code ext. 42}, {@code x42}, {@code poste 42}), or end. */
    private static int withExtension(String text, int end) {
        int pos = end;
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
        int marker = extensionMarkerLength(text, pos);
        if (marker == 0) {
            return end;
        }
        pos += marker;
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
        int digitsStart = pos;
        while (pos < text.length() && isAsciiDigit(text.charAt(pos)) && pos - digitsStart < 6) {
            pos++;
        }
        return pos > digitsStart && TokenBoundaries.endsToken(text, pos) ? pos : end;
    }

    private static int extensionMarkerLength(String text, int pos) {
        for (String marker : new String[] {"ext.", "ext", "poste", "x"}) {
            if (text.regionMatches(true, pos, marker, 0, marker.length())) {
                return marker.length();
            }
        }
        return 0;
    }

    /** The number {@code digits[from, to)} of {@code countryCode}, leading zeros kept; null when too long. */
    private static PhoneNumber phoneNumber(int countryCode, char[] digits, int from, int to) {
        if (to - from > MAX_DIGITS || to <= from) {
            return null;
        }
        PhoneNumber phone = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(number(digits, from, to));
        int zeros = 0;
        while (from + zeros < to - 1 && digits[from + zeros] == '0') {
            zeros++;
        }
        if (zeros > 0) {
            phone.setItalianLeadingZero(true).setNumberOfLeadingZeros(zeros);
        }
        return phone;
    }

    private static long number(char[] digits, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (digits[i] - '0');
        }
        return value;
    }

    private static boolean startsWith(char[] digits, int length, String prefix) {
        if (length <= prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (digits[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long lengths(List<Integer> possible) {
        long set = 0;
        for (int length : possible) {
            set |= 1L << length;
        }
        return set;
    }

    /** A configured region: its code, country calling code, trunk prefix ("" for none) and national lengths. */
    private record Region(String code, int countryCode, String trunkPrefix, long possibleLengths) {
    }

    /**
     * A number as typed: an optional {@code +}, then digit groups joined by single separators ({@code space - . /})
     * or parentheses ({@code (415) 555-2671}, {@code +33 (0)6...}: a trunk zero in parentheses after {@code +} is
     * left out of the digits).
     */
    private static final class Written {
        private final int start;
        private final boolean plus;
        private final char[] digits = new char[MAX_DIGITS + 1];
        private int digitCount;
        private final int[] groupDigitEnds = new int[MAX_DIGITS + 1];
        private final int[] groupTextEnds = new int[MAX_DIGITS + 1];
        private final char[] separators = new char[MAX_DIGITS + 1];
        private int groups;
        /** More digits than any phone number has: {@link #runEnd} is where the run of groups ends. */
        private boolean tooLong;
        private int runEnd;

        private Written(int start, boolean plus) {
            this.start = start;
            this.plus = plus;
        }

        /** The number typed from {@code start} ({@link #tooLong} when it has too many digits), or null for none. */
        static Written read(String text, int start) {
            int n = text.length();
            int pos = start;
            boolean plus = text.charAt(pos) == '+';
            if (plus) {
                pos++;
                if (pos < n && text.charAt(pos) == ' ') {
                    pos++;
                }
            }
            Written number = new Written(start, plus);
            while (pos < n) {
                boolean parenthesis = text.charAt(pos) == '(';
                int groupStart = parenthesis ? pos + 1 : pos;
                int groupEnd = groupStart;
                while (groupEnd < n && isAsciiDigit(text.charAt(groupEnd))) {
                    groupEnd++;
                }
                if (groupEnd == groupStart || (parenthesis && (groupEnd == n || text.charAt(groupEnd) != ')'))) {
                    break;
                }
                int textEnd = parenthesis ? groupEnd + 1 : groupEnd;
                boolean trunkZero = plus && parenthesis && groupEnd - groupStart == 1 && text.charAt(groupStart) == '0';
                if (!trunkZero && !number.addGroup(text, groupStart, groupEnd, textEnd)) {
                    number.tooLong = true;
                    number.runEnd = skipRun(text, textEnd);
                    return number;
                }
                pos = textEnd;
                if (pos + 1 < n && " -./".indexOf(text.charAt(pos)) >= 0
                        && (isAsciiDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '(')) {
                    number.separateLastGroup(text.charAt(pos));
                    pos++;
                } else if (!(parenthesis && pos < n && isAsciiDigit(text.charAt(pos)))) {
                    break;
                }
            }
            return number.groups == 0 ? null : number;
        }

        private static int skipRun(String text, int from) {
            int pos = from;
            while (pos < text.length() && (isAsciiDigit(text.charAt(pos)) || " -./()".indexOf(text.charAt(pos)) >= 0)) {
                pos++;
            }
            return pos;
        }

        private boolean addGroup(String text, int from, int to, int textEnd) {
            if (digitCount + to - from > MAX_DIGITS) {
                return false;
            }
            for (int i = from; i < to; i++) {
                digits[digitCount++] = text.charAt(i);
            }
            groupDigitEnds[groups] = digitCount;
            groupTextEnds[groups] = textEnd;
            separators[groups] = NO_SEPARATOR;
            groups++;
            return true;
        }

        private void separateLastGroup(char separator) {
            if (groups > 0) {
                separators[groups - 1] = separator;
            }
        }

        int start() {
            return start;
        }

        boolean plus() {
            return plus;
        }

        char[] digits() {
            return digits;
        }

        int digitCount() {
            return digitCount;
        }

        int groupCount() {
            return groups;
        }

        /** Digits in the first {@code groups} groups. */
        int digitsBefore(int groups) {
            return groups == 0 ? 0 : groupDigitEnds[groups - 1];
        }

        int groupLength(int group) {
            return groupDigitEnds[group] - (group == 0 ? 0 : groupDigitEnds[group - 1]);
        }

        int longestGroup() {
            int longest = 0;
            for (int group = 0; group < groups; group++) {
                longest = Math.max(longest, groupLength(group));
            }
            return longest;
        }

        char separatorAfter(int group) {
            return separators[group];
        }

        int endOfGroup(int group) {
            return groupTextEnds[group];
        }

        int end() {
            return tooLong ? runEnd : groupTextEnds[groups - 1];
        }

        boolean tooLong() {
            return tooLong;
        }
    }
}
