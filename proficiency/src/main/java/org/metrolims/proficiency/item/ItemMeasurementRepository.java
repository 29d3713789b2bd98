package org.metrolims.proficiency.item;

import static org.metrolims.db.jooq.Tables.PT_ITEM_MEASUREMENT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Homogeneity and stability measurements of a round's items. */
@Repository
class ItemMeasurementRepository {

    private final DSLContext dsl;

    public ItemMeasurementRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean exists(long roundId, ItemStudy study) {
        return dsl.fetchExists(PT_ITEM_MEASUREMENT, PT_ITEM_MEASUREMENT.ROUND_ID.eq(roundId)
                .and(PT_ITEM_MEASUREMENT.STUDY.eq(study.name())));
    }

    /** Stores {@code items[i][j]} as item i + 1, replicate j + 1. */
    public void insert(long roundId, ItemStudy study, double[][] items, String recordedBy) {
        var insert = dsl.insertInto(PT_ITEM_MEASUREMENT, PT_ITEM_MEASUREMENT.ROUND_ID, PT_ITEM_MEASUREMENT.STUDY,
                PT_ITEM_MEASUREMENT.ITEM_NO, PT_ITEM_MEASUREMENT.REPLICATE, PT_ITEM_MEASUREMENT.VALUE,
                PT_ITEM_MEASUREMENT.RECORDED_BY);
        for (int i = 0; i < items.length; i++) {
            for (int j = 0; j < items[i].length; j++) {
                insert = insert.values(roundId, study.name(), i + 1, j + 1, BigDecimal.valueOf(items[i][j]),
                        recordedBy);
            }
        }
        insert.execute();
    }

    /** The measurements of one study as {@code [item][replicate]}, in item and replicate order; empty if none. */
    public double[][] load(long roundId, ItemStudy study) {
        List<double[]> items = new ArrayList<>();
        List<Double> current = new ArrayList<>();
        int currentItem = -1;
        for (var r : dsl.select(PT_ITEM_MEASUREMENT.ITEM_NO, PT_ITEM_MEASUREMENT.VALUE).from(PT_ITEM_MEASUREMENT)
                .where(PT_ITEM_MEASUREMENT.ROUND_ID.eq(roundId)).and(PT_ITEM_MEASUREMENT.STUDY.eq(study.name()))
                .orderBy(PT_ITEM_MEASUREMENT.ITEM_NO, PT_ITEM_MEASUREMENT.REPLICATE).fetch()) {
            int item = r.get(PT_ITEM_MEASUREMENT.ITEM_NO);
            if (item != currentItem && currentItem != -1) {
                items.add(current.stream().mapToDouble(Double::doubleValue).toArray());
                current = new ArrayList<>();
            }
            currentItem = item;
            current.add(r.get(PT_ITEM_MEASUREMENT.VALUE).doubleValue());
        }
        if (!current.isEmpty()) {
            items.add(current.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return items.toArray(new double[0][]);
    }
}
