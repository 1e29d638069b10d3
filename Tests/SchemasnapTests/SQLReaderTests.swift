import SQLReader
import XCTest

/// The statement splitter and lexer: comments, strings, quoted identifiers, dollar quotes.
final class SQLReaderTests: XCTestCase {
    func testSplitsAtTopLevelSemicolons() {
        let statements = StatementSplitter.split("create table a (x int);\n\nselect 1 ; select 2")
        XCTAssertEqual(statements.map(\.text), ["create table a (x int)", "select 1", "select 2"])
        XCTAssertEqual(statements.map(\.line), [1, 3, 3])
    }

    func testDollarQuotedBodyWithSemicolonsAndNestedDollarsIsOneStatement() {
        let sql = """
            CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $fn$
            BEGIN
              RAISE NOTICE 'a;b';
              RETURN $$x;y$$;
            END;
            $fn$;
            SELECT 2;
            """
        let statements = StatementSplitter.split(sql)
        XCTAssertEqual(statements.count, 2)
        XCTAssertTrue(statements[0].text.hasSuffix("$fn$"))
        XCTAssertEqual(statements[1].text, "SELECT 2")
    }

    func testCommentsWithQuotesAndNestedBlockCommentsAreIgnored() {
        let sql = """
            -- don't split here; it's a comment
            /* outer /* inner; 'quote */ still comment; */
            SELECT 1; -- trailing ; comment
            """
        XCTAssertEqual(StatementSplitter.split(sql).map(\.text), ["SELECT 1"])
    }

    func testStringsAndQuotedIdentifiersKeepTheirSemicolons() {
        let sql = #"INSERT INTO "we;ird""name" VALUES ('it''s; fine', E'back\'slash;'); SELECT 'x'"#
        let statements = StatementSplitter.split(sql)
        XCTAssertEqual(statements.count, 2)
        XCTAssertEqual(statements[0].tokens[2], Token(kind: .quotedIdentifier, text: "we;ird\"name", line: 1, range: 12..<26))
        XCTAssertEqual(statements[0].tokens.filter { $0.kind == .string }.map(\.text), ["'it''s; fine'", #"E'back\'slash;'"#])
    }

    func testBeginAtomicBodyIsOneStatement() {
        let sql = """
            CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
              SELECT CASE WHEN a > 0 THEN a ELSE 0 END + b;
              SELECT 1;
            END;
            SELECT 3;
            """
        XCTAssertEqual(StatementSplitter.split(sql).count, 2)
    }

    func testParametersAreNotDollarQuotes() {
        XCTAssertEqual(StatementSplitter.split("PREPARE p AS SELECT $1; SELECT 2").count, 2)
    }

    func testNormalizationIgnoresCommentsWhitespaceAndKeywordCase() {
        let a = StatementSplitter.canonicalStatements(["CREATE TABLE  t (id int); -- note\nselect 1"])
        let b = StatementSplitter.canonicalStatements(["create table t(\n id INT\n)", "SELECT 1;"])
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, StatementSplitter.canonicalStatements(["create table \"T\" (id int)", "select 1"]))
    }
}
