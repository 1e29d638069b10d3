import CatalogModel
import SnapshotStore
import XCTest

/// Each kind declares its fields once (`CatalogObject.fields`); these checks hold for every
/// kind without a database: a stored value read into field `i` comes back as field `i`, field
/// names are unique snake_case, key fields are never optional, and the format a field was
/// added in is never newer than this build's.
final class FieldDeclarationTests: XCTestCase {
    /// Distinct values per field index: text `v<i>`, integer `100 + i`, boolean `i` odd, list `[l<i>, m<i>]`.
    private final class DistinctValues: FieldReader {
        func optionalText(_ i: Int) -> String? { "v\(i)" }
        func optionalBool(_ i: Int) -> Bool? { i % 2 == 1 }
        func integer(_ i: Int) -> Int64 { Int64(100 + i) }
        func optionalList(_ i: Int) -> [String]? { ["l\(i)", "m\(i)"] }
    }

    private struct Check: CatalogKindVisitor {
        var problems: [String] = []
        var kinds = 0

        mutating func visit<T: CatalogObject>(_ path: WritableKeyPath<Catalog, [T]>) {
            kinds += 1
            let reader = DistinctValues()
            let object = T(fieldValues: reader)
            for (i, (spec, value)) in zip(T.fieldSpecs, object.fieldValues).enumerated() {
                let expected: FieldValue =
                    switch spec.type {
                    case .text: .text("v\(i)")
                    case .integer: .integer(Int64(100 + i))
                    case .bool: .bool(i % 2 == 1)
                    case .list: .list(["l\(i)", "m\(i)"])
                    }
                if value != expected {
                    problems.append("\(T.kind.tableName).\(spec.name): read \(expected), gave \(String(describing: value))")
                }
            }
            let names = T.fieldSpecs.map(\.name)
            if Set(names).count != names.count { problems.append("\(T.kind.tableName): a field name repeats") }
            for name in names where name.contains(where: { !($0.isLowercase || $0 == "_") }) {
                problems.append("\(T.kind.tableName).\(name) is not snake_case")
            }
            for spec in T.fieldSpecs.prefix(T.keyCount) where spec.optional {
                problems.append("\(T.kind.tableName).\(spec.name) is a key field and optional")
            }
            for spec in T.fieldSpecs where spec.since > SnapshotFile.formatVersion || spec.since < 1 {
                problems.append("\(T.kind.tableName).\(spec.name) since format \(spec.since)")
            }
            let blank = T()
            if blank.fieldValues.contains(where: { value in
                value.map { $0 != .text("") && $0 != .bool(false) && $0 != .integer(0) && $0 != .list([]) } ?? false
            }) {
                problems.append("\(T.kind.tableName): init() is not blank")
            }
        }
    }

    func testEveryKindReadsEachStoredValueIntoTheFieldOfItsIndex() {
        var check = Check()
        Catalog.visitKinds(&check)
        XCTAssertEqual(check.kinds, ObjectKind.allCases.count)
        XCTAssertEqual(check.problems, [])
    }

    /// A kind with a field on a computed property: no stored offset to read it at, so its
    /// declaration reads and writes through the key path itself.
    private struct Shouted: CatalogObject {
        static let kind = ObjectKind.schema
        static let keyCount = 1
        static let fields: [FieldDeclaration<Shouted>] = [.init("name", \.name), .init("shout", \.shout)]
        var name = ""
        var quiet = ""
        var shout: String {
            get { quiet.uppercased() }
            set { quiet = newValue.lowercased() }
        }
        var path: String { name }
        var naturalKey: [String] { [name] }
        func keyOrder(_ other: Shouted) -> Int { NaturalKeyOrder.compare(name, other.name) }
    }

    func testAFieldOnAComputedPropertyReadsAndWritesThroughItsAccessors() {
        XCTAssertNil(MemoryLayout<Shouted>.offset(of: \Shouted.shout))
        XCTAssertNotNil(MemoryLayout<Shouted>.offset(of: \Shouted.name))
        let read = Shouted(fieldValues: DistinctValues())
        XCTAssertEqual(read.name, "v0")
        XCTAssertEqual(read.quiet, "v1")
        XCTAssertEqual(read.fieldValues, [.text("v0"), .text("V1")])
    }

    func testAFieldDeclarationDerivesTypeAndOptionalityFromItsProperty() {
        let specs = Dictionary(uniqueKeysWithValues: Relation.fieldSpecs.map { ($0.name, $0) })
        XCTAssertEqual(specs["rls_enabled"], FieldSpec("rls_enabled", .bool))
        XCTAssertEqual(specs["options"], FieldSpec("options", .list, optional: true))
        XCTAssertEqual(specs["view_definition"], FieldSpec("view_definition", .text, optional: true))
        XCTAssertEqual(Column.fieldSpecs.first { $0.name == "position" }, FieldSpec("position", .integer))
        XCTAssertEqual(Index.fieldSpecs.first { $0.name == "comment" }, FieldSpec("comment", .text, optional: true, since: 2))
        XCTAssertEqual(Index.fieldSpecs.last, FieldSpec("replica_identity", .bool, optional: true, since: 4))
        XCTAssertEqual(Privilege.fieldSpecs.last, FieldSpec("extension_member", .bool, optional: true, since: 2))
    }
}
