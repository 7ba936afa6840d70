package io.retort.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A revision written as plain SQL: a {@code .sql} file in the revisions' package, found on the class path beside the
 * Java revisions. Its header names it; its statements end with {@code ;} at the end of a line:
 *
 * <pre>
 * -- revision: 7c1e2f3a4b5d
 * -- follows: da115711503b
 * -- message: add email
 * -- upgrade
 * ALTER TABLE users ADD COLUMN email VARCHAR(200);
 * -- downgrade
 * ALTER TABLE users DROP COLUMN email;
 * </pre>
 *
 * {@code follows} lists parents separated by commas (none for the first revision). A statement that itself holds a
 * line ending with {@code ;} (a function body) belongs in a Java revision ({@code op.execute(sql)}).
 */
public final class SqlRevision extends Revision {
    private final List<String> upgrade;
    private final List<String> downgrade;

    private SqlRevision(String id, String message, List<String> parents, List<String> upgrade, List<String> downgrade) {
        super(id, message, parents.toArray(String[]::new));
        this.upgrade = List.copyOf(upgrade);
        this.downgrade = List.copyOf(downgrade);
    }

    /**
     * @param source where the text comes from, for messages
     * @param text   the file's text
     * @return the revision it describes
     * @throws MigrationException when the header lacks the revision's id, or a section is missing
     */
    public static SqlRevision parse(String source, String text) {
        String id = null;
        String message = "";
        List<String> parents = new ArrayList<>();
        StringBuilder up = null;
        StringBuilder down = null;
        StringBuilder current = null;
        for (String line : text.split("\\r?\\n", -1)) {
            String trimmed = line.trim();
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (lower.startsWith("-- revision:")) {
                id = trimmed.substring(trimmed.indexOf(':') + 1).trim();
            } else if (lower.startsWith("-- follows:")) {
                for (String p : trimmed.substring(trimmed.indexOf(':') + 1).split(",")) {
                    if (!p.isBlank()) {
                        parents.add(p.trim());
                    }
                }
            } else if (lower.startsWith("-- message:")) {
                message = trimmed.substring(trimmed.indexOf(':') + 1).trim();
            } else if (lower.equals("-- upgrade")) {
                up = new StringBuilder();
                current = up;
            } else if (lower.equals("-- downgrade")) {
                down = new StringBuilder();
                current = down;
            } else if (current != null && !trimmed.startsWith("--")) {
                current.append(line).append('\n');
            }
        }
        if (id == null || up == null || down == null) {
            throw new MigrationException("The SQL revision " + source + " needs a '-- revision: <id>' line and the "
                    + "sections '-- upgrade' and '-- downgrade' (see SqlRevision)");
        }
        return new SqlRevision(id, message, parents, statements(up), statements(down));
    }

    private static List<String> statements(StringBuilder section) {
        List<String> out = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : section.toString().split("\n")) {
            statement.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String sql = statement.toString().trim();
                out.add(sql.substring(0, sql.length() - 1).trim());
                statement.setLength(0);
            }
        }
        if (!statement.toString().isBlank()) {
            out.add(statement.toString().trim());
        }
        return out;
    }

    @Override
    public void upgrade(Operations op) {
        upgrade.forEach(op::execute);
    }

    @Override
    public void downgrade(Operations op) {
        downgrade.forEach(op::execute);
    }
}
