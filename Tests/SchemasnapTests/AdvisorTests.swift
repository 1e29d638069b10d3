import Advisors
import CatalogModel
import PostgresInspector
import SchemasnapKit
import XCTest

/// Every lint on a real catalog, its negative, and the configuration's disable and excuse.
final class AdvisorTests: XCTestCase {
    private func findings(
        _ options: AdvisorOptions = AdvisorOptions(exposedSchemas: ["public"], managedSchemas: ["auth", "storage"])
    )
        throws -> [AdvisorFinding]
    {
        let db = try TestPostgres.createDatabase(self, sql: [try Fixtures.text("advisors.sql")])
        return Advisor.advise(try Inspector().capture(conninfo: db).0, options: options)
    }

    func testEveryLintFindsItsObjectAndOnlyIt() throws {
        let all = try findings()
        func objects(_ lint: String) -> [String] { all.filter { $0.lint == lint }.map(\.object).sorted() }
        XCTAssertEqual(objects("rls_disabled_in_public"), ["public.policy_no_rls", "public.rls_off"])
        XCTAssertEqual(objects("policy_exists_rls_disabled"), ["public.policy_no_rls"])
        XCTAssertEqual(objects("rls_enabled_no_policy"), ["public.rls_no_policy"])
        XCTAssertEqual(objects("no_primary_key"), ["public.no_pk"])
        XCTAssertEqual(objects("security_definer_view"), ["public.definer_view"])
        XCTAssertEqual(objects("auth_users_exposed"), ["public.users_view"])
        XCTAssertEqual(objects("function_search_path_mutable"), ["public.mutable_path()"])
        XCTAssertEqual(objects("auth_rls_initplan"), ["public.parent:read_a"], "the (select auth.uid()) form passes")
        XCTAssertEqual(objects("multiple_permissive_policies"), ["public.parent (authenticated SELECT)"])
        XCTAssertEqual(objects("unindexed_foreign_keys"), ["public.child:child_parent_id_fkey"], "other_id has an index")
        XCTAssertEqual(objects("duplicate_index"), ["public.child:child_other_again,child_other_idx"])
        XCTAssertEqual(objects("extension_in_public"), ["citext", "file_fdw"])
        XCTAssertEqual(objects("materialized_view_in_api"), ["public.counts"])
        XCTAssertEqual(objects("foreign_table_in_api"), ["public.imported"])
        XCTAssertEqual(objects("public_bucket_without_policy"), ["avatars"], "docs is named by a policy, drafts is private")
        let rlsOff = try XCTUnwrap(all.first { $0.lint == "rls_disabled_in_public" && $0.object == "public.rls_off" })
        XCTAssertEqual(rlsOff.level, .error)
        XCTAssertEqual(rlsOff.category, .security)
        XCTAssertEqual(
            rlsOff.remediation,
            "alter table public.rls_off enable row level security; then add policies for anon and authenticated")
        // cron jobs live in the one database pg_cron is installed in: PlatformConfigurationTests.
        XCTAssertEqual(
            Set(all.map(\.lint)), Set(Advisor.lintNames).subtracting(["cron_job_calls_missing_function"]),
            "every lint is exercised")
    }

    func testForeignKeyCoverageReadsIndexKeyColumnsAndFindingsComeSorted() throws {
        let db = try TestPostgres.createDatabase(
            self,
            sql: [
                """
                create table public.p (a int, b int, "Odd, Col" int unique, "Odd Col" int unique, primary key (a, b));
                create table public.c (
                  id int primary key, a int, b int, c int, "Odd, Col" int, "Odd Col" int,
                  constraint c_ab foreign key (a, b) references public.p (a, b),
                  constraint c_quoted foreign key ("Odd Col") references public.p ("Odd Col"),
                  constraint c_expression foreign key (c) references public.p ("Odd, Col"));
                create index c_abc on public.c (a, b, c desc);
                create index c_quoted_idx on public.c ("Odd Col", id);
                create index c_expression_idx on public.c ((c + 1));
                """
            ])
        let all = Advisor.advise(try Inspector().capture(conninfo: db).0)
        XCTAssertEqual(
            all.filter { $0.lint == "unindexed_foreign_keys" && $0.object.hasPrefix("public.") }.map(\.object),
            ["public.c:c_expression"],
            "(a, b) is covered by (a, b, c desc), the quoted column by its index, an expression covers nothing")
        let order = all.map { [String(3 - AdvisorFinding.Level.allCases.firstIndex(of: $0.level)!), $0.lint, $0.object] }
        XCTAssertEqual(order, order.sorted { NaturalKeyOrder.precedes($0, $1) }, "errors first, then lint, then object")
        XCTAssertGreaterThanOrEqual(Set(all.map(\.lint)).count, 2)
    }

    func testDisabledLintsAreSkippedAndExcusesAreKeptAsExcused() throws {
        let options = AdvisorOptions(
            exposedSchemas: ["public"], managedSchemas: ["auth", "storage"], disabled: ["no_primary_key"],
            excuses: [.init(lint: "rls_disabled_in_public", object: "public.rls_off", reason: "static reference data")])
        let all = try findings(options)
        XCTAssertFalse(all.contains { $0.lint == "no_primary_key" })
        XCTAssertEqual(all.first { $0.object == "public.rls_off" }?.excuse, "static reference data")
    }

    func testPolicyCallDetection() {
        XCTAssertTrue(Advisor.callsPerRow("(auth.uid() = user_id)"))
        XCTAssertFalse(Advisor.callsPerRow("(( SELECT auth.uid() AS uid) = user_id)"))
        XCTAssertTrue(Advisor.callsPerRow("(current_setting('app.x'::text) = 'y'::text)"))
    }

    func testConfigReadsAdviseSettingsAndRejectsUnknownLints() throws {
        let config = try Config.parse(
            """
            [advise]
            disable = ["no_primary_key"]
            [[advise.excuse]]
            lint = "rls_disabled_in_public"
            object = "public.countries"
            reason = "read-only reference data"
            """, path: "s.toml", baseDirectory: "/")
        XCTAssertEqual(config.adviseDisabled, ["no_primary_key"])
        XCTAssertEqual(config.adviseExcuses.first?.reason, "read-only reference data")
        XCTAssertThrowsError(try Config.parse("[advise]\ndisable = [\"no_such_lint\"]", path: "s.toml", baseDirectory: "/"))
    }

    func testDemoProductionHotfixTableIsAnAdvisorFindingAndCriticalInTheDiff() throws {
        let root = Fixtures.repositoryRoot.path
        let advise = try CLI.run(["advise", "production", "--format", "json"], in: root)
        XCTAssertEqual(advise.status, 1, "an ERROR finding exits 1")
        XCTAssertTrue(advise.stdout.contains("\"object\" : \"public.feature_flags\""), advise.stdout)
        XCTAssertEqual(try CLI.run(["advise", "staging"], in: root).status, 0, "staging has no ERROR finding")
        let diff = try CLI.run(["diff", "staging", "production", "--format", "json"], in: root)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let advisories = try XCTUnwrap(json["advisor_findings"] as? [[String: Any]])
        let rls = advisories.first { $0["lint"] as? String == "rls_disabled_in_public" }
        XCTAssertEqual(rls?["severity"] as? String, "critical")
        XCTAssertEqual(rls?["object"] as? String, "public.feature_flags")
    }
}
