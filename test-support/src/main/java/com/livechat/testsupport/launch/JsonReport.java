package com.livechat.testsupport.launch;

import com.livechat.contracts.json.EventJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tool's report as indented JSON, in a file whose folders are made when missing. */
public final class JsonReport {

    private JsonReport() {
    }

    /** Writes {@code report} to {@code file}; answers the file's absolute path, to print. */
    public static Path write(Object report, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Files.writeString(absolute, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        return absolute;
    }
}
