package io.retort.examples.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What importing a generated file must end with, computed from the generator's intentions alone (not by the
 * validator): the last valid row of each id, in id order, and every bad row once, in file order.
 *
 * @param rows      the file's data rows
 * @param customers the customers table afterwards, by id
 * @param rejects   the bad rows
 * @param validRows the good rows, repeated ids included
 */
record ExpectedImport(long rows, List<Customer> customers, List<GeneratedRow> rejects, long validRows) {

    static ExpectedImport of(CustomerCsvGenerator generator, long rows) {
        Map<Long, Customer> latest = new TreeMap<>();
        List<GeneratedRow> rejects = new ArrayList<>();
        long valid = 0;
        for (long i = 0; i < rows; i++) {
            GeneratedRow row = generator.row(i);
            if (row.customer() != null) {
                valid++;
                latest.put(row.customer().id(), row.customer());
            } else {
                rejects.add(row);
            }
        }
        return new ExpectedImport(rows, List.copyOf(latest.values()), List.copyOf(rejects), valid);
    }
}
