package io.retort.schema.change;

import io.retort.schema.model.ForeignKeyModel;
import io.retort.schema.model.TableModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders tables so that a table comes after the tables its foreign keys reference (cycles in declared order). */
final class TableOrdering {
    private TableOrdering() {
    }

    static List<TableModel> parentsFirst(List<TableModel> tables) {
        Map<List<String>, TableModel> byName = new LinkedHashMap<>();
        for (TableModel t : tables) {
            byName.put(Arrays.asList(t.schema(), t.name()), t);
        }
        List<TableModel> out = new ArrayList<>();
        Set<List<String>> placed = new HashSet<>();
        Set<List<String>> visiting = new HashSet<>();
        for (List<String> key : byName.keySet()) {
            visit(key, byName, placed, visiting, out);
        }
        return out;
    }

    private static void visit(List<String> key, Map<List<String>, TableModel> byName, Set<List<String>> placed,
                              Set<List<String>> visiting, List<TableModel> out) {
        if (placed.contains(key) || !visiting.add(key)) {
            return;   // placed already, or a cycle: the declared order decides
        }
        TableModel t = byName.get(key);
        for (ForeignKeyModel fk : t.foreignKeys()) {
            List<String> target = Arrays.asList(fk.referencedSchema(), fk.referencedTable());
            if (!target.equals(key) && byName.containsKey(target)) {
                visit(target, byName, placed, visiting, out);
            }
        }
        visiting.remove(key);
        if (placed.add(key)) {
            out.add(t);
        }
    }
}
