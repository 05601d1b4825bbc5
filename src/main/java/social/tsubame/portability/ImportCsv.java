package social.tsubame.portability;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import social.tsubame.core.ApiException;
import social.tsubame.portability.ImportType.Columns;

/**
 * Reads an import file in Mastodon's formats, with or without its header row, into checked rows. A file that cannot
 * be read, does not fit its type, or has a line that makes no sense is refused whole, so that nothing of it is kept.
 */
final class ImportCsv {

    /** As on Mastodon: a bigger file is refused rather than half done. */
    static final int MAX_ROWS = 20_000;

    private static final Set<String> HEADER_KEYS = Arrays.stream(ImportType.values())
            .filter(type -> !type.columns().isEmpty()).map(ImportType::keyColumn)
            .map(ImportCsv::normalizedColumn).collect(Collectors.toSet());
    private static final Pattern ADDRESS = Pattern.compile("[\\p{L}\\p{N}_.-]+(@[\\p{L}\\p{N}.-]+(:\\d{1,5})?)?");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9.-]+(:\\d{1,5})?");

    private ImportCsv() {
    }

    /** The file's rows, each once, in the order the file lists them. */
    static List<ImportRow> read(byte[] data, ImportType type) {
        List<CSVRecord> records = records(text(data));
        if (records.isEmpty()) {
            throw invalid("the file is empty");
        }
        Map<String, Integer> columns = columnsOf(records.getFirst(), type);
        boolean hasHeader = columns != null;
        if (!hasHeader) {
            columns = new HashMap<>();
            for (int index = 0; index < type.columns().size(); index++) {
                columns.put(normalizedColumn(type.columns().get(index)), index);
            }
        }
        List<CSVRecord> dataRows = hasHeader ? records.subList(1, records.size()) : records;
        if (dataRows.size() > MAX_ROWS) {
            throw invalid("the file has more than " + MAX_ROWS + " rows");
        }
        Map<String, ImportRow> rows = new LinkedHashMap<>();
        for (CSVRecord record : dataRows) {
            Cells cells = new Cells(record, columns);
            if (cells.blank()) {
                continue;
            }
            ImportRow row = row(type, cells);
            rows.putIfAbsent(row.key(), row);
        }
        if (rows.isEmpty()) {
            throw invalid("the file holds nothing to import");
        }
        return List.copyOf(rows.values());
    }

    private static String text(byte[] data) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw invalid("the file is not UTF-8 text");
        }
    }

    private static List<CSVRecord> records(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                records.add(record);
                if (records.size() > MAX_ROWS + 1) {
                    throw invalid("the file has more than " + MAX_ROWS + " rows");
                }
            }
            return records;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw invalid("the file is not a CSV file (" + e.getMessage() + ")");
        }
    }

    /** The columns a header row names, or null when the first row is data. */
    private static Map<String, Integer> columnsOf(CSVRecord first, ImportType type) {
        if (!HEADER_KEYS.contains(normalizedColumn(first.get(0)))) {
            return null;
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int index = 0; index < first.size(); index++) {
            columns.putIfAbsent(normalizedColumn(first.get(index)), index);
        }
        List<String> required = type == ImportType.LISTS ? List.of(Columns.LIST_NAME, Columns.ACCOUNT)
                : List.of(type.keyColumn());
        for (String column : required) {
            if (!columns.containsKey(normalizedColumn(column))) {
                throw invalid("this is not a file of " + type.wireName() + ": it has no \"" + column + "\" column");
            }
        }
        return columns;
    }

    private static ImportRow row(ImportType type, Cells cells) {
        return switch (type) {
            case FOLLOWING -> new ImportRow(cells.address(Columns.ACCOUNT), cells.bool(Columns.SHOW_BOOSTS),
                    cells.bool(Columns.NOTIFY), null, null, null, null, null);
            case BLOCKING -> new ImportRow(cells.address(Columns.ACCOUNT), null, null, null, null, null, null, null);
            case MUTING -> new ImportRow(cells.address(Columns.ACCOUNT), null, null,
                    cells.bool(Columns.HIDE_NOTIFICATIONS), null, null, null, null);
            case DOMAIN_BLOCKING -> new ImportRow(null, null, null, null, cells.domain(Columns.DOMAIN), null, null,
                    null);
            case BOOKMARKS -> new ImportRow(null, null, null, null, null, cells.uri(Columns.URI), null, null);
            case LISTS -> new ImportRow(cells.address(Columns.ACCOUNT), null, null, null, null, null,
                    cells.required(Columns.LIST_NAME), null);
            case ARCHIVE -> throw new IllegalArgumentException("an archive is not a CSV file");
        };
    }

    private static String normalizedColumn(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    static ApiException invalid(String why) {
        return ApiException.unprocessable("Validation failed: " + why);
    }

    /** The cells of one data row, by column name. */
    private record Cells(CSVRecord record, Map<String, Integer> columns) {

        boolean blank() {
            return record.stream().allMatch(String::isBlank);
        }

        String get(String column) {
            Integer index = columns.get(normalizedColumn(column));
            return index == null || index >= record.size() ? "" : record.get(index).strip();
        }

        String required(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                throw wrong("has no " + column);
            }
            return value;
        }

        String address(String column) {
            String value = required(column).replaceFirst("^@", "");
            if (!ADDRESS.matcher(value).matches()) {
                throw wrong("\"" + value + "\" is not an account address");
            }
            return value;
        }

        Boolean bool(String column) {
            String value = get(column).toLowerCase(Locale.ROOT);
            return switch (value) {
                case "" -> null;
                case "true" -> true;
                case "false" -> false;
                default -> throw wrong(column + " is \"" + value + "\", not true or false");
            };
        }


        String domain(String column) {
            String value = required(column).toLowerCase(Locale.ROOT);
            try {
                value = IDN.toASCII(value);
            } catch (IllegalArgumentException e) {
                throw wrong("\"" + value + "\" is not a domain");
            }
            if (!DOMAIN.matcher(value).matches()) {
                throw wrong("\"" + value + "\" is not a domain");
            }
            return value;
        }

        String uri(String column) {
            String value = required(column);
            try {
                URI uri = URI.create(value);
                if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                    return value;
                }
            } catch (IllegalArgumentException e) {
                // refused below, as any other text that is not a link
            }
            throw wrong("\"" + value + "\" is not a link to a post");
        }

        private ApiException wrong(String what) {
            return invalid("row " + record.getRecordNumber() + " " + what);
        }
    }
}
