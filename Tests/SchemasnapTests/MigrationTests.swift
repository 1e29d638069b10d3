import CatalogModel
import Foundation
import Migrations
import XCTest

/// Migration names, files, DOWN sections and status, without a database.
final class MigrationTests: XCTestCase {
    func testNamesAreSanitisedToSnakeCase() {
        XCTAssertEqual(MigrationName.sanitize("add-user's-email!"), "add_users_email")
        XCTAssertEqual(MigrationName.sanitize("  Add  Orders Table "), "add_orders_table")
        XCTAssertEqual(MigrationName.sanitize("v2.1 -- hotfix"), "v2_1_hotfix")
        XCTAssertNil(MigrationName.sanitize("!!! ---"))
        XCTAssertNil(MigrationName.sanitize(""))
    }

    func testFileNamesFollowTheSupabaseConvention() {
        XCTAssertEqual(MigrationName.parse(fileName: "20251105143022_add_notifications.sql")?.version, "20251105143022")
        XCTAssertEqual(MigrationName.parse(fileName: "20251105143022_add_notifications.sql")?.name, "add_notifications")
        XCTAssertEqual(MigrationName.parse(fileName: "2024010101_legacy.sql")?.version, "2024010101")
        XCTAssertEqual(MigrationName.parse(fileName: "20240101_short.sql")?.version, "20240101")
        XCTAssertNil(MigrationName.parse(fileName: "add_notifications.sql"))
        XCTAssertNil(MigrationName.parse(fileName: "20251105_.sql"))
        XCTAssertNil(MigrationName.parse(fileName: "v1_init.sql"))
        XCTAssertNil(MigrationName.parse(fileName: "20251105143022_init.txt"))
    }

    func testVersionsOfDifferentLengthsSortAsTimestamps() {
        XCTAssertTrue(MigrationName.precedes("2024010101", "20240101020000"))
        XCTAssertTrue(MigrationName.precedes("20240101", "2024010101"))
        XCTAssertFalse(MigrationName.precedes("20250101000000", "2024123123"))
        XCTAssertEqual(MigrationName.timestamp("20251105143022"), "2025-11-05 14:30:22")
    }

    func testTemplateHasUpAndACommentedDownSection() throws {
        let text = MigrationTemplate.render(
            name: "add_notes", createdAt: Date(timeIntervalSince1970: 0), up: "create table public.notes (id int);",
            down: "drop table public.notes;")
        let file = MigrationFile(version: "1", name: "add_notes", path: "x.sql", content: text)
        XCTAssertEqual(file.statements.map(\.text), ["create table public.notes (id int)"], "DOWN never runs with UP")
        XCTAssertEqual(file.down, "drop table public.notes;")
        XCTAssertTrue(text.contains("Checklist"))
        XCTAssertTrue(text.contains("create index concurrently"))
        XCTAssertTrue(text.contains("enable row level security"))
    }

    func testAFileWithoutDownSectionHasNone() {
        XCTAssertNil(MigrationFile(version: "1", name: "a", path: "a.sql", content: "create table a (id int);").down)
    }

    func testNewRefusesExistingNamesAndMissingFolders() throws {
        let dir = try temporaryDirectory(self)
        let first = try MigrationTemplate.create(name: "Add notes", in: dir, at: Date(timeIntervalSince1970: 1_700_000_000))
        XCTAssertTrue(first.hasSuffix("/20231114221320_add_notes.sql"))
        XCTAssertThrowsError(try MigrationTemplate.create(name: "add-notes", in: dir)) {
            XCTAssertEqual($0 as? MigrationError, .alreadyExists(first))
        }
        XCTAssertThrowsError(try MigrationTemplate.create(name: "x", in: dir + "/missing")) {
            XCTAssertEqual($0 as? MigrationError, .folderMissing(dir + "/missing"))
        }
        XCTAssertThrowsError(try MigrationTemplate.create(name: "?!", in: dir)) {
            XCTAssertEqual($0 as? MigrationError, .emptyName("?!"))
        }
    }

    func testFolderReportsFilesThatDoNotFollowTheConvention() throws {
        let dir = try temporaryDirectory(self)
        try "select 1;".write(toFile: dir + "/20250101000000_a.sql", atomically: true, encoding: .utf8)
        try "select 2;".write(toFile: dir + "/notes.sql", atomically: true, encoding: .utf8)
        try "readme".write(toFile: dir + "/README.md", atomically: true, encoding: .utf8)
        let folder = try MigrationFolder.read(dir)
        XCTAssertEqual(folder.migrations.map(\.id), ["20250101000000_a"])
        XCTAssertEqual(folder.ignoredFiles, ["notes.sql"])
    }

    func testNonUTF8MigrationIsAnError() throws {
        let dir = try temporaryDirectory(self)
        XCTAssertTrue(
            FileManager.default.createFile(atPath: dir + "/20250101000000_bad.sql", contents: Data([0xFF, 0xFE, 0x00, 0xC3])))
        XCTAssertThrowsError(try MigrationFolder.read(dir)) {
            XCTAssertEqual($0 as? MigrationError, .notUTF8(dir + "/20250101000000_bad.sql"))
        }
        ReliabilityLog.record(
            "a migration file that is not UTF-8", test: "MigrationTests.testNonUTF8MigrationIsAnError", tries: 1,
            outcome: "error naming the file")
    }

    func testStatusFindsAppliedPendingUnknownModifiedAndOutOfOrder() throws {
        let dir = try temporaryDirectory(self)
        for (name, sql) in [
            ("20250101000000_one", "create table a (id int);"), ("20250102000000_two", "create table b (id int);"),
            ("20250103000000_three", "create table c (id int);"), ("20250105000000_five", "select 5;"),
        ] {
            try sql.write(toFile: "\(dir)/\(name).sql", atomically: true, encoding: .utf8)
        }
        let folder = try MigrationFolder.read(dir)
        let two = folder.migrations[1]
        let applied = [
            AppliedMigration(version: "20250101000000", name: "one", statementsHash: folder.migrations[0].statementsHash),
            AppliedMigration(version: "20250102000000", name: "two", statementsHash: "0" + two.statementsHash.dropFirst()),
            AppliedMigration(version: "20250104000000", name: "four", statementsHash: nil),
        ]
        let states = MigrationStatus.compare(folder: folder, applied: applied)
        XCTAssertEqual(
            states.map(\.id),
            [
                "20250101000000_one", "20250102000000_two", "20250103000000_three",
                "20250104000000_four", "20250105000000_five",
            ])
        XCTAssertEqual(states.map(\.status), [.applied, .applied, .pending, .unknown, .pending])
        XCTAssertEqual(states.map(\.modified), [false, true, false, false, false])
        XCTAssertEqual(states.map(\.outOfOrder), [false, false, true, false, false])
        XCTAssertTrue(MigrationStatus.needsAttention(states))
    }

    func testFindResolvesVersionsNamesAndUniqueParts() throws {
        let dir = try temporaryDirectory(self)
        for name in ["20250101000000_add_orders", "20250102000000_add_order_items"] {
            try "select 1;".write(toFile: "\(dir)/\(name).sql", atomically: true, encoding: .utf8)
        }
        let folder = try MigrationFolder.read(dir)
        XCTAssertEqual(try folder.find("20250101000000").name, "add_orders")
        XCTAssertEqual(try folder.find("add_orders").name, "add_orders")
        XCTAssertEqual(try folder.find("items").name, "add_order_items")
        XCTAssertThrowsError(try folder.find("add_order")) {
            XCTAssertEqual(
                $0 as? MigrationError,
                .ambiguousMigration(
                    "add_order", candidates: ["20250101000000_add_orders", "20250102000000_add_order_items"]))
        }
        XCTAssertThrowsError(try folder.find("nothing"))
    }
}
