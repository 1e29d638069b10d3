/// The canonical text form of a catalog: what `schemasnap show` prints and what the
/// fingerprint hashes.
///
/// One block per object in canonical order: a line `<kind> <path>`, then one indented line
/// per present attribute (`  name: value`); multi-line values continue on lines indented by
/// four spaces after `name: |`. Kinds and fields the catalog's snapshot did not record
/// (`Catalog.unrecorded`) are left out. The last line lists the kinds not compared, if any. Equal
/// schemas give byte-identical text whatever the server, OIDs or capture time.
public enum CanonicalText {
    /// The canonical text of `catalog`: every object in canonical order with its recorded
    /// fields, what `show` prints and the fingerprint hashes.
    public static func render(_ catalog: Catalog) -> String {
        String(decoding: bytes(catalog), as: UTF8.self)
    }

    /// The canonical text as UTF-8 bytes.
    public static func bytes(_ catalog: Catalog) -> [UInt8] {
        var text: [UInt8] = []
        write(catalog) { text.append(contentsOf: $0) }
        return text
    }

    /// Hands the canonical text to `consume` as UTF-8 bytes, in order, a chunk at a time: what
    /// the fingerprint hashes, without the whole text ever in memory.
    public static func write(_ catalog: Catalog, to consume: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(consume) { consume in
            var writer = Writer(catalog: catalog, consume: consume)
            Catalog.visitKinds(&writer)
            if !catalog.uncovered.isEmpty {
                writer.append("not compared: " + uncoveredSummary(catalog.uncovered) + "\n")
            }
            writer.flush()
        }
    }

    /// `3 operators, 1 cast`, sorted by kind name.
    public static func uncoveredSummary(_ uncovered: [String: Int]) -> String {
        uncovered.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }

    private struct Writer: CatalogKindVisitor {
        let catalog: Catalog
        let consume: (UnsafeRawBufferPointer) -> Void
        var out: [UInt8] = []

        /// Hands what has been written so far over.
        mutating func flush() {
            out.withUnsafeBytes(consume)
            out.removeAll(keepingCapacity: true)
        }

        mutating func append(_ text: String) { out.append(contentsOf: text.utf8) }

        mutating func visit<T: CatalogObject>(_ path: WritableKeyPath<Catalog, [T]>) {
            let specs = T.fieldSpecs
            guard !catalog.unrecorded.kinds.contains(T.kind) else { return }
            let recorded = specs.map { catalog.unrecorded.records($0.name, of: T.kind) }
            let kindName = T.kind.rawValue + " "
            for object in Catalog.canonical(catalog[keyPath: path]) where catalog.unrecorded.records(object) {
                if out.count >= 1 << 16 { flush() }
                append(kindName)
                append(object.path)
                out.append(10)
                let values = object.fieldValues
                for i in T.keyCount..<specs.count where recorded[i] {
                    guard let value = values[i] else { continue }
                    appendField(specs[i].name, value.display)
                }
            }
        }

        private mutating func appendField(_ name: String, _ text: String) {
            append("  ")
            append(name)
            guard text.utf8.contains(10) else {
                append(": ")
                append(text)
                out.append(10)
                return
            }
            append(": |\n")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                append("    ")
                out.append(contentsOf: line.utf8)
                out.append(10)
            }
        }
    }
}
