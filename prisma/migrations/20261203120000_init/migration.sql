-- CreateTable
CREATE TABLE `location` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `parent_id` INTEGER NULL,
    `code` VARCHAR(64) NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `kind` ENUM('workshop', 'bay', 'area', 'rack', 'other') NOT NULL DEFAULT 'other',
    `active` BOOLEAN NOT NULL DEFAULT true,
    `sort_order` INTEGER NOT NULL DEFAULT 0,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `location_code_key`(`code`),
    UNIQUE INDEX `location_parent_id_name_key`(`parent_id`, `name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `workpiece` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(64) NOT NULL,
    `normalized_code` VARCHAR(64) NOT NULL,
    `reversed_code` VARCHAR(64) NOT NULL,
    `description` VARCHAR(255) NULL,
    `drawing_no` VARCHAR(64) NULL,
    `location_id` INTEGER NULL,
    `placed_at` DATETIME(3) NULL,
    `placed_by_id` INTEGER NULL,
    `version` INTEGER NOT NULL DEFAULT 1,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `workpiece_normalized_code_key`(`normalized_code`),
    INDEX `workpiece_reversed_code_idx`(`reversed_code`),
    INDEX `workpiece_location_id_idx`(`location_id`),
    INDEX `workpiece_placed_by_id_idx`(`placed_by_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `movement` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `workpiece_id` INTEGER NOT NULL,
    `from_location_id` INTEGER NULL,
    `to_location_id` INTEGER NULL,
    `user_id` INTEGER NULL,
    `moved_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `note` VARCHAR(500) NULL,

    INDEX `movement_workpiece_id_moved_at_idx`(`workpiece_id`, `moved_at`),
    INDEX `movement_from_location_id_idx`(`from_location_id`),
    INDEX `movement_to_location_id_idx`(`to_location_id`),
    INDEX `movement_user_id_idx`(`user_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `user` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `username` VARCHAR(64) NOT NULL,
    `display_name` VARCHAR(100) NOT NULL,
    `password_hash` VARCHAR(255) NOT NULL,
    `role` ENUM('clerk', 'admin') NOT NULL DEFAULT 'clerk',
    `active` BOOLEAN NOT NULL DEFAULT true,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `user_username_key`(`username`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `session` (
    `token_hash` CHAR(64) NOT NULL,
    `user_id` INTEGER NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `expires_at` DATETIME(3) NOT NULL,

    INDEX `session_user_id_idx`(`user_id`),
    INDEX `session_expires_at_idx`(`expires_at`),
    PRIMARY KEY (`token_hash`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `query_log` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `channel` ENUM('wechat', 'simulator', 'api') NOT NULL,
    `openid` VARCHAR(64) NULL,
    `message_id` VARCHAR(32) NULL,
    `dedupe_key` VARCHAR(191) NULL,
    `raw_content` TEXT NOT NULL,
    `normalized_codes` JSON NULL,
    `outcome` ENUM('hit', 'miss', 'partial', 'help', 'event', 'unsupported', 'timeout', 'error') NOT NULL,
    `reply_text` TEXT NOT NULL,
    `latency_ms` INTEGER NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `query_log_dedupe_key_key`(`dedupe_key`),
    INDEX `query_log_created_at_idx`(`created_at`),
    INDEX `query_log_outcome_created_at_idx`(`outcome`, `created_at`),
    INDEX `query_log_openid_created_at_idx`(`openid`, `created_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `audit_log` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `actor_id` INTEGER NULL,
    `entity` VARCHAR(32) NOT NULL,
    `entity_id` VARCHAR(64) NOT NULL,
    `action` VARCHAR(32) NOT NULL,
    `before` JSON NULL,
    `after` JSON NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `audit_log_entity_entity_id_idx`(`entity`, `entity_id`),
    INDEX `audit_log_created_at_idx`(`created_at`),
    INDEX `audit_log_actor_id_idx`(`actor_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `location` ADD CONSTRAINT `location_parent_id_fkey` FOREIGN KEY (`parent_id`) REFERENCES `location`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `workpiece` ADD CONSTRAINT `workpiece_location_id_fkey` FOREIGN KEY (`location_id`) REFERENCES `location`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `workpiece` ADD CONSTRAINT `workpiece_placed_by_id_fkey` FOREIGN KEY (`placed_by_id`) REFERENCES `user`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `movement` ADD CONSTRAINT `movement_workpiece_id_fkey` FOREIGN KEY (`workpiece_id`) REFERENCES `workpiece`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `movement` ADD CONSTRAINT `movement_from_location_id_fkey` FOREIGN KEY (`from_location_id`) REFERENCES `location`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `movement` ADD CONSTRAINT `movement_to_location_id_fkey` FOREIGN KEY (`to_location_id`) REFERENCES `location`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `movement` ADD CONSTRAINT `movement_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `session` ADD CONSTRAINT `session_user_id_fkey` FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `audit_log` ADD CONSTRAINT `audit_log_actor_id_fkey` FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
