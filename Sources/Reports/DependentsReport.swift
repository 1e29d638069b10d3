import CatalogModel

/// `show SNAPSHOT --dependents OBJECT`: what reads or references an object, transitively,
/// answered from one snapshot.
public struct DependentsReport: Sendable {
    /// The object asked about.
    public var object: DependencyGraph.Node
    /// The environment of the snapshot.
    public var environment: String
    public var dependents: [DependencyGraph.Dependent]

    public init(object: DependencyGraph.Node, environment: String, dependents: [DependencyGraph.Dependent]) {
        self.object = object
        self.environment = environment
        self.dependents = dependents
    }

    /// One line per dependent, nearest first, each with what it depends on directly (`via`);
    /// the last line counts them.
    func renderText() -> String {
        var out = "What depends on \(object.kind) \(object.path) in \(environment), transitively:\n"
        guard !dependents.isEmpty else {
            return out + "\nnothing: it can be dropped or changed without breaking another object\n"
        }
        out += "\n"
        for dependent in dependents {
            let indent = String(repeating: "  ", count: dependent.distance)
            out += "\(indent)\(dependent.node.kind) \(dependent.node.path)\n"
            out += "\(indent)    via " + dependent.via.map { "\($0.kind) \($0.path)" }.joined(separator: ", ") + "\n"
        }
        let direct = dependents.filter { $0.distance == 1 }.count
        let noun = dependents.count == 1 ? "object depends" : "objects depend"
        return out + "\n\(dependents.count) \(noun) on it (\(direct) directly).\n"
    }
}
