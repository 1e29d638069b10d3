/// A snapshot's dependency edges reduced to hashes of their paths, filled in the pass that
/// checks the edges against the file's checksum, so the dependents search finds in memory
/// every edge it may follow instead of making one pass over the edges per step away.
///
/// An edge is filed under the hash of its referenced path and of each dot prefix of that
/// path that could be a relation's (`schema.table` of `schema.table.column`; a relation's
/// path holds a dot, so the prefix before the first one never is). A search over hashes
/// reaches every edge the search over paths reaches, and at most a few more when two paths
/// share a hash; the caller runs the exact search over what this one returns.
struct EdgeIndex {
    /// Hash → the last entry filed under it; the entries under one hash chain through `next`.
    private var last: [Int: Int32] = [:]
    private var next: [Int32] = []
    /// Per entry: the edge it files (its position in the table).
    private var entryEdge: [Int32] = []
    /// Per edge, in table order: the hash of its dependent's path.
    private var dependentHash: [Int] = []

    /// Files the next edge of the table: what it references and what depends on it, as
    /// stored (UTF-8).
    mutating func add(referenced: UnsafeBufferPointer<UInt8>, dependent: UnsafeBufferPointer<UInt8>) {
        let edge = Int32(dependentHash.count)
        dependentHash.append(Self.hash(dependent))
        file(Self.hash(referenced), edge)
        var dots = 0
        for (offset, byte) in referenced.enumerated() where byte == UInt8(ascii: ".") {
            dots += 1
            if dots > 1 { file(Self.hash(UnsafeBufferPointer(rebasing: referenced[..<offset])), edge) }
        }
    }

    /// For each edge in table order, whether the search reaches it from `paths` (relations or
    /// other objects): an edge whose referenced path is one of them or lies on one, then,
    /// transitively, the edges from the dependents reached.
    func reach(from paths: some Sequence<String>) -> [Bool] {
        var reached = Set<Int>()
        var frontier: [Int] = []
        for path in paths {
            var path = path
            let hash = path.withUTF8 { Self.hash($0) }
            if reached.insert(hash).inserted { frontier.append(hash) }
        }
        var taken = [Bool](repeating: false, count: dependentHash.count)
        while let hash = frontier.popLast() {
            var entry = last[hash] ?? -1
            while entry >= 0 {
                let edge = Int(entryEdge[Int(entry)])
                if !taken[edge] {
                    taken[edge] = true
                    if reached.insert(dependentHash[edge]).inserted { frontier.append(dependentHash[edge]) }
                }
                entry = next[Int(entry)]
            }
        }
        return taken
    }

    private mutating func file(_ hash: Int, _ edge: Int32) {
        next.append(last.updateValue(Int32(entryEdge.count), forKey: hash) ?? -1)
        entryEdge.append(edge)
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }
}
