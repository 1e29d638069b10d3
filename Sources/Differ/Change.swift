import CatalogModel

/// One difference between the source (reference) and the target (under review).
public struct Change: Hashable, Sendable {
    /// What happened to the object.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// The source has it, the target lacks it.
        case missingInTarget = "missing_in_target"
        /// The target has it, the source lacks it.
        case onlyInTarget = "only_in_target"
        /// Both have it; one attribute differs.
        case changed
    }

    public var objectKind: ObjectKind
    /// The object's natural key.
    public var key: [String]
    /// How a person names the object, e.g. `public.orders.status`.
    public var path: String
    /// The relation the object belongs to, for grouping.
    public var relation: RelationKey?
    public var kind: Kind
    /// The attribute that differs (`changed` only).
    public var attribute: String?
    /// The attribute's value in the source; absent when the source has no value.
    public var sourceValue: String?
    /// The attribute's value in the target.
    public var targetValue: String?
    public var severity: Severity
    /// For a missing or extra relation: what it holds, folded into this one finding
    /// (e.g. `["column": 6, "policy": 2]`).
    public var contents: [ObjectKind: Int]
    /// For a CRITICAL or WARNING finding on a relation or column the target has: what reads
    /// or references it there, transitively, nearest first, each as `noun path` (e.g.
    /// `view public.order_totals`): what a fix has to drop and recreate, or breaks.
    public var dependents: [String] = []

    public init(
        objectKind: ObjectKind, key: [String], path: String, relation: RelationKey?, kind: Kind,
        attribute: String? = nil, sourceValue: String? = nil, targetValue: String? = nil, severity: Severity,
        contents: [ObjectKind: Int] = [:]
    ) {
        self.objectKind = objectKind
        self.key = key
        self.path = path
        self.relation = relation
        self.kind = kind
        self.attribute = attribute
        self.sourceValue = sourceValue
        self.targetValue = targetValue
        self.severity = severity
        self.contents = contents
    }

    /// A noun for the object: `table`, `view`, `column`, `policy`…
    public var noun: String { nounOverride ?? objectKind.rawValue }

    /// Set for relations, whose kind (`table`, `view`…) reads better than "relation".
    public var nounOverride: String?
}
