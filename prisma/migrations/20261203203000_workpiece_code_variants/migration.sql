-- CreateTable
CREATE TABLE `workpiece_code_variant` (
    `variant` VARCHAR(64) NOT NULL,
    `workpiece_id` INTEGER NOT NULL,

    INDEX `workpiece_code_variant_workpiece_id_idx`(`workpiece_id`),
    PRIMARY KEY (`variant`, `workpiece_id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `workpiece_code_variant` ADD CONSTRAINT `workpiece_code_variant_workpiece_id_fkey` FOREIGN KEY (`workpiece_id`) REFERENCES `workpiece`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every existing code with one character deleted, once per position (codes are at most 64 characters)
INSERT IGNORE INTO `workpiece_code_variant` (`variant`, `workpiece_id`)
SELECT CONCAT(LEFT(w.`normalized_code`, p.`i` - 1), SUBSTRING(w.`normalized_code`, p.`i` + 1)), w.`id`
FROM `workpiece` w
JOIN (
    SELECT d1.`n` + 8 * d2.`n` + 1 AS `i`
    FROM (SELECT 0 AS `n` UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) d1
    CROSS JOIN (SELECT 0 AS `n` UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) d2
) p ON p.`i` <= CHAR_LENGTH(w.`normalized_code`)
WHERE CHAR_LENGTH(w.`normalized_code`) > 1;
