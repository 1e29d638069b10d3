import CatalogModel

/// `public_bucket_without_policy`: a public Storage bucket no policy on `storage.objects` names.
struct PublicBucketWithoutPolicy: AdvisorLint {
    static let name = "public_bucket_without_policy"
    static let level = AdvisorFinding.Level.warn
    static let category = AdvisorFinding.Category.security
    static let documentedExample =
        "`insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true);` and no policy on `storage.objects` naming `'avatars'`: anyone with a file's URL reads it, and uploads, changes and listing there are left to the policies all buckets share"
    static let documentedFix =
        "`update storage.buckets set public = false where id = 'avatars';`, or policies on `storage.objects` with `bucket_id = 'avatars'`"
    static let examples = LintExamples(
        triggering: ["INSERT INTO storage.buckets (id, name, public) VALUES ('avatars', 'avatars', true);"],
        nonTriggering: [
            "INSERT INTO storage.buckets (id, name, public) VALUES ('avatars', 'avatars', false);",
            """
            INSERT INTO storage.buckets (id, name, public) VALUES ('avatars', 'avatars', true);
            CREATE POLICY "avatars upload" ON storage.objects FOR INSERT TO authenticated WITH CHECK (bucket_id = 'avatars');
            """,
        ])

    /// A public bucket serves every file in it to anyone with its URL; when no policy on
    /// `storage.objects` names it, what may be uploaded, changed or listed there is left to the
    /// policies every bucket shares.
    static func check(_ facts: Facts, into out: inout [AdvisorFinding]) {
        let catalog = facts.catalog
        let objectPolicies = catalog.policies.filter { $0.schema == "storage" && $0.table == "objects" }
        for bucket in catalog.storageBuckets where bucket.isPublic {
            let literal = "'" + bucket.id.replacingOccurrences(of: "'", with: "''") + "'"
            let named = objectPolicies.contains { policy in
                [policy.using, policy.withCheck].contains { $0?.contains(literal) == true }
            }
            guard !named else { continue }
            out.append(
                finding(
                    bucket.path,
                    detail:
                        "bucket \(bucket.id) is public, so anyone with a file's URL reads it, and no policy on storage.objects names it: uploads, changes and listing there are left to the policies all buckets share",
                    remediation:
                        "if its files are not for everyone: update storage.buckets set public = false where id = \(literal); otherwise add policies on storage.objects with bucket_id = \(literal)"
                ))
        }
    }
}
