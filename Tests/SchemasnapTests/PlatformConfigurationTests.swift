import CatalogModel
import Foundation
import PostgresInspector
import SnapshotStore
import XCTest

/// Platform configuration as drift, on real PostgreSQL: Storage buckets and Vault secret names
/// on `supabase/platform.sql`, pg_cron jobs and pg_partman partition sets with the extensions
/// installed (pg_cron in the one database it may live in). Each script `diff --sql` writes is
/// applied, the database captured again, and compared with the source: no drift left.
final class PlatformConfigurationTests: XCTestCase {
    private let secretValue = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"

    /// Staging's Storage and Vault: a private bucket with limits, a bucket that takes any file,
    /// two named secrets and one without a name.
    private var staging: String {
        """
        INSERT INTO storage.buckets (id, name, public, file_size_limit, allowed_mime_types) VALUES
          ('avatars', 'avatars', false, 1048576, ARRAY['image/png', 'image/jpeg']),
          ('exports', 'exports', false, NULL, NULL);
        SELECT vault.create_secret('\(secretValue)', 'stripe_api_key', 'Stripe key of the payments function');
        SELECT vault.create_secret('re_123', 'resend_api_key', 'mail');
        SELECT vault.create_secret('a value nobody named');
        """
    }

    /// Production's: avatars made public, a public bucket of its own, the Stripe secret
    /// described otherwise, no Resend secret, an old secret of its own.
    private let production = """
        INSERT INTO storage.buckets (id, name, public, file_size_limit, allowed_mime_types) VALUES
          ('avatars', 'avatars', true, 1048576, ARRAY['image/png', 'image/jpeg']),
          ('exports', 'exports', false, NULL, NULL),
          ('scratch', 'scratch', true, 5242880, NULL);
        SELECT vault.create_secret('sk_live_other', 'stripe_api_key', 'Stripe key');
        SELECT vault.create_secret('old', 'legacy_webhook_secret', '');
        """

    private func capture(_ db: String, _ name: String, into dir: String) throws -> String {
        let path = dir + "/\(name).sqlite"
        let result = try CLI.run(
            ["capture", "--url-env", "DB_URL", "--name", name, "--out", path], in: dir, environment: ["DB_URL": db])
        XCTAssertEqual(result.status, 0, result.stderr)
        return path
    }

    private func findings(_ source: String, _ target: String, in dir: String) throws -> [[String: Any]] {
        let result = try CLI.run(["diff", source, target, "--format", "json", "--fail-on", "never"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return report["findings"] as? [[String: Any]] ?? []
    }

    /// `object_kind object change [attribute] severity` per finding, for comparing whole lists.
    private func summary(_ findings: [[String: Any]]) -> [String] {
        findings.map { finding in
            [
                finding["object_kind"], finding["object"], finding["change"], finding["attribute"], finding["severity"],
            ].compactMap { $0 as? String }.joined(separator: " ")
        }
    }

    func testBucketsAndSecretNamesAreCapturedButNoSecretByteReachesTheFile() throws {
        let db = try TestPostgres.createDatabase(self, sql: [staging])
        let dir = try temporaryDirectory(self)
        let file = try capture(db, "staging", into: dir)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let stored = try PostgresConnection(conninfo: db).query("SELECT secret, id::text FROM vault.secrets")
        var needles = [secretValue, "re_123", "a value nobody named", Data(secretValue.utf8).base64EncodedString()]
        for row in stored { needles += [row.string(0), row.string(1)] }
        for needle in needles {
            XCTAssertNil(bytes.range(of: Data(needle.utf8)), "`\(needle)` (a secret, its stored form or id) is in the file")
        }
        let catalog = try SnapshotFile.read(file).catalog
        XCTAssertEqual(
            catalog.storageBuckets,
            [
                StorageBucket(
                    id: "avatars", name: "avatars", isPublic: false, fileSizeLimit: "1048576",
                    allowedMimeTypes: ["image/jpeg", "image/png"]),
                StorageBucket(id: "exports", name: "exports", isPublic: false),
            ])
        XCTAssertEqual(
            catalog.vaultSecrets,
            [
                VaultSecret(name: "resend_api_key", description: "mail"),
                VaultSecret(name: "stripe_api_key", description: "Stripe key of the payments function"),
            ])
        XCTAssertEqual(catalog.uncovered["unnamed vault secrets"], 1, "a secret without a name is counted, not compared")
        let show = try CLI.run(["show", file], in: dir)
        XCTAssertTrue(
            show.stdout.contains(
                "storage bucket avatars\n  name: avatars\n  public: false\n  file_size_limit: 1048576\n  allowed_mime_types: [image/jpeg, image/png]\n"
            ), show.stdout + show.stderr)
    }

    func testStorageAndVaultDriftHasTheSeverityOfItsRisk() throws {
        let dir = try temporaryDirectory(self)
        let source = try capture(try TestPostgres.createDatabase(self, sql: [staging]), "staging", into: dir)
        let target = try capture(try TestPostgres.createDatabase(self, sql: [production]), "production", into: dir)
        XCTAssertEqual(
            summary(try findings(source, target, in: dir)),
            [
                "storage bucket avatars changed public critical",
                "storage bucket scratch only_in_target critical",
                "vault secret legacy_webhook_secret only_in_target warning",
                "vault secret resend_api_key missing_in_target warning",
                "vault secret stripe_api_key changed description warning",
            ])
        let text = try CLI.run(["diff", source, target], in: dir)
        XCTAssertEqual(text.status, 1, "CRITICAL drift fails the default --fail-on")
        XCTAssertTrue(text.stdout.contains("  storage bucket avatars\n    CRITICAL  public: false → true\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("Buckets avatars, scratch are public in production and not in staging"), text.stdout)
        // The other way round nothing becomes world-readable: a private bucket is a warning.
        let back = summary(try findings(target, source, in: dir))
        XCTAssertTrue(back.contains("storage bucket avatars changed public warning"), "\(back)")
        XCTAssertTrue(back.contains("storage bucket scratch missing_in_target warning"), "\(back)")
    }

    func testStorageAndVaultScriptsCloseTheDriftBothWays() throws {
        for (from, to) in [(staging, production), (production, staging)] {
            let dir = try temporaryDirectory(self)
            let sourceDB = try TestPostgres.createDatabase(self, sql: [from])
            let targetDB = try TestPostgres.createDatabase(self, sql: [to])
            let source = try capture(sourceDB, "source", into: dir)
            let target = try capture(targetDB, "target", into: dir)
            let safe = try CLI.run(["diff", source, target, "--sql"], in: dir)
            XCTAssertTrue(safe.stdout.contains("-- HELD BACK (delete_vault_secret): deletes the secret "), safe.stdout)
            let script = try CLI.run(["diff", source, target, "--sql", "--unsafe"], in: dir)
            XCTAssertEqual(script.status, 0, script.stderr)
            XCTAssertFalse(script.stdout.contains(secretValue), "no secret value is written into a script")
            try TestPostgres.execute(targetDB, script.stdout)
            // A secret the target lacks is a note: its value is in no snapshot.
            let (name, description) = from == staging ? ("resend_api_key", "mail") : ("legacy_webhook_secret", "")
            do {
                XCTAssertTrue(
                    script.stdout.contains(
                        "-- Not generated: 1 vault secret the target lacks (\(name)): a secret's value is in no snapshot"),
                    script.stdout)
                try TestPostgres.execute(targetDB, "SELECT vault.create_secret('set by hand', '\(name)', '\(description)')")
            }
            let after = try capture(targetDB, "after", into: dir)
            XCTAssertEqual(summary(try findings(source, after, in: dir)), [], script.stdout)
        }
    }

    /// pg_cron and pg_partman, in the cron database: state A, then B made from it by hand.
    private let cronAndPartman = """
        CREATE EXTENSION pg_cron;
        CREATE SCHEMA partman;
        CREATE EXTENSION pg_partman SCHEMA partman;
        CREATE TABLE public.events (id bigint, created_at timestamptz NOT NULL) PARTITION BY RANGE (created_at);
        CREATE TABLE public.audit_log (id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (at);
        CREATE FUNCTION public.refresh_stats() RETURNS void LANGUAGE sql SET search_path = '' AS $$ SELECT $$;
        """

    private let stateA = """
        SELECT cron.schedule('nightly-vacuum', '0 3 * * *', 'VACUUM');
        SELECT cron.schedule('refresh-stats', '*/15 * * * *', 'SELECT public.refresh_stats()');
        SELECT cron.schedule('*/5 * * * *', 'SELECT 1');
        SELECT partman.create_parent('public.events', 'created_at', 'native', 'daily');
        UPDATE partman.part_config SET retention = '30 days', retention_keep_table = false WHERE parent_table = 'public.events';
        """

    private let aToB = """
        SELECT cron.alter_job(jobid, schedule := '0 4 * * *') FROM cron.job WHERE jobname = 'nightly-vacuum';
        SELECT cron.alter_job(jobid, active := false) FROM cron.job WHERE jobname = 'refresh-stats';
        SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname IS NULL;
        SELECT cron.schedule('purge-events', '0 0 * * 0', 'SELECT public.purge_events()');
        UPDATE partman.part_config SET premake = 6, retention = '90 days' WHERE parent_table = 'public.events';
        SELECT partman.create_parent('public.audit_log', 'at', 'native', 'weekly');
        """

    func testCronJobsAndPartitionSetsDriftAndScriptsCloseItBothWays() throws {
        try TestPostgres.withCronDatabase { db in
            let dir = try temporaryDirectory(self)
            try TestPostgres.execute(db, cronAndPartman + stateA)
            let a = try capture(db, "a", into: dir)
            let captured = try SnapshotFile.read(a).catalog
            XCTAssertEqual(
                captured.cronJobs,
                [
                    CronJob(
                        name: "*/5 * * * * SELECT 1", userName: "postgres", named: false, schedule: "*/5 * * * *",
                        command: "SELECT 1", database: TestPostgres.cronDatabase),
                    CronJob(
                        name: "nightly-vacuum", userName: "postgres", schedule: "0 3 * * *", command: "VACUUM",
                        database: TestPostgres.cronDatabase),
                    CronJob(
                        name: "refresh-stats", userName: "postgres", schedule: "*/15 * * * *",
                        command: "SELECT public.refresh_stats()", database: TestPostgres.cronDatabase),
                ])
            XCTAssertEqual(
                captured.partitionSets,
                [
                    PartitionSet(
                        parentTable: "public.events", control: "created_at", partitionType: "native",
                        partitionInterval: "1 day", datetimeString: "YYYY_MM_DD", retention: "30 days",
                        retentionKeepTable: false)
                ])
            try TestPostgres.execute(db, aToB)
            let b = try capture(db, "b", into: dir)
            let platform = Set(["cron job", "partition set"])
            XCTAssertEqual(
                summary(try findings(a, b, in: dir).filter { platform.contains($0["object_kind"] as? String ?? "") }),
                [
                    "cron job */5 * * * * SELECT 1 (postgres) missing_in_target warning",
                    "cron job nightly-vacuum (postgres) changed schedule warning",
                    "cron job purge-events (postgres) only_in_target warning",
                    "cron job refresh-stats (postgres) changed active info",
                    "partition set public.audit_log only_in_target warning",
                    "partition set public.events changed premake warning",
                    "partition set public.events changed retention warning",
                ])
            let advise = try CLI.run(["advise", b, "--format", "json"], in: dir)
            XCTAssertTrue(
                advise.stdout.contains(
                    "cron job purge-events (postgres) calls public.purge_events(), which this database does not have"),
                advise.stdout)
            XCTAssertFalse(advise.stdout.contains("refresh-stats (postgres) calls"), "public.refresh_stats exists")
            XCTAssertFalse(advise.stdout.contains("extension_in_public"), "pg_cron's objects are in cron, not public")
            // Back to A (the database is in state B), then forward to B again: no drift left.
            for (source, name) in [(a, "back"), (b, "forward")] {
                let current = try capture(db, name + "-before", into: dir)
                let script = try CLI.run(["diff", source, current, "--sql", "--unsafe"], in: dir)
                XCTAssertEqual(script.status, 0, script.stderr)
                try TestPostgres.execute(db, script.stdout)
                let after = try capture(db, name, into: dir)
                XCTAssertEqual(summary(try findings(source, after, in: dir)), [], script.stdout)
            }
        }
    }

    func testRemovingConfigurationIsHeldBackUnlessUnsafe() throws {
        let dir = try temporaryDirectory(self)
        let source = try capture(try TestPostgres.createDatabase(self), "empty", into: dir)
        let target = try capture(try TestPostgres.createDatabase(self, sql: [production]), "production", into: dir)
        let script = try CLI.run(["diff", source, target, "--sql"], in: dir)
        XCTAssertTrue(
            script.stdout.contains(
                "-- HELD BACK (delete_storage_bucket): deletes the bucket scratch; it fails while the bucket holds files: empty it through the Storage API first\n-- DELETE FROM storage.buckets WHERE id = 'scratch';"
            ), script.stdout)
        XCTAssertTrue(script.stdout.contains("-- DELETE FROM vault.secrets WHERE name = 'legacy_webhook_secret';"), script.stdout)
        XCTAssertTrue(script.stdout.contains("-- 0 statements to run.\n-- 5 statements held back"), script.stdout)
    }
}
