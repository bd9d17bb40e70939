package com.livechat.masking.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The top-level domains of the DNS root zone, from IANA's list shipped with this service
 * ({@code masking/tlds.txt}, its source and date in its header). Like libphonenumber's metadata, it is reference data
 * packaged with the code, read once from the class path, not a run-time input.
 */
final class TopLevelDomains {

    private static final String RESOURCE = "/masking/tlds.txt";
    private static final Set<String> ALL = load();

    private TopLevelDomains() {
    }

    /** Whether {@code text[start, end)} is a delegated top-level domain, in any case. */
    static boolean contains(String text, int start, int end) {
        return ALL.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
    }

    static int count() {
        return ALL.size();
    }

    private static Set<String> load() {
        try (InputStream in = TopLevelDomains.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Set<String> domains = new HashSet<>(2048);
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String domain = line.strip();
                if (!domain.isEmpty() && !domain.startsWith("#")) {
                    domains.add(domain.toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(domains);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
