import CatalogModel

/// `extension_in_public`: An extension whose objects live in `public`, which the API exposes.
struct ExtensionInPublic: AdvisorLint {
    static let name = "extension_in_public"
    static let level = AdvisorFinding.Level.warn
    static let category = AdvisorFinding.Category.security
    static let documentedExample = "`create extension citext schema public;`"
    static let documentedFix = "`alter extension citext set schema extensions;`"
    static let examples = LintExamples(
        triggering: [
            "CREATE EXTENSION citext SCHEMA public;"
        ],
        nonTriggering: [
            "CREATE SCHEMA extensions; CREATE EXTENSION citext SCHEMA extensions;"
        ])

    static func check(_ facts: Facts, into findings: inout [AdvisorFinding]) {
        for ext in facts.catalog.extensions where ext.schemasHoldingMembers.contains("public") {
            findings.append(
                finding(
                    ext.path, detail: "extension \(ext.name) is installed in public, which the API exposes",
                    remediation:
                        "move it: create schema if not exists extensions; alter extension \(ext.name) set schema extensions;"))
        }
    }
}
