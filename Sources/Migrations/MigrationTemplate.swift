import Foundation

/// Creates migration files from the template: UP section, commented-out DOWN section,
/// best-practice notes, common examples and a checklist.
public enum MigrationTemplate {
    /// Writes `<folder>/<version>_<sanitized name>.sql` and returns its path. The version is
    /// `date`'s second, or the next second no migration in the folder uses: two `new` within
    /// one second never share a version. Refuses a missing folder, a name with nothing usable
    /// in it, and a name already in the folder.
    public static func create(name: String, in folder: String, at date: Date = Date(), up: String? = nil, down: String? = nil)
        throws -> String
    {
        guard let sanitized = MigrationName.sanitize(name) else { throw MigrationError.emptyName(name) }
        let existing = try MigrationFolder.read(folder)
        if let clash = existing.migrations.first(where: { $0.name == sanitized }) {
            throw MigrationError.alreadyExists(clash.path)
        }
        let taken = Set(existing.migrations.map(\.version))
        var moment = date
        while taken.contains(MigrationName.version(at: moment)) { moment += 1 }
        let version = MigrationName.version(at: moment)
        let path = URL(fileURLWithPath: folder).appendingPathComponent("\(version)_\(sanitized).sql").path
        guard !FileManager.default.fileExists(atPath: path) else { throw MigrationError.alreadyExists(path) }
        let text = render(name: sanitized, createdAt: moment, up: up, down: down)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw MigrationError.unreadable(path, reason: "cannot create the file")
        }
        return path
    }

    /// The text of a new migration.
    public static func render(name: String, createdAt: Date, up: String? = nil, down: String? = nil) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        // Every line of a given DOWN is commented out, its own comments included, so that
        // uncommenting it (rollback, verify) gives back exactly the text given.
        let downLines =
            down.map {
                $0.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "--" : "-- " + $0 }
                    .joined(separator: "\n")
            } ?? "-- DROP TABLE IF EXISTS public.example;"
        return """
            -- Migration: \(name)
            -- Created:   \(f.string(from: createdAt))
            --
            -- Best practices
            --   * One logical change per migration; never edit a migration once it is applied anywhere.
            --   * Every new table in an exposed schema (public) gets ENABLE ROW LEVEL SECURITY and policies.
            --   * Use (select auth.uid()) in policies, not auth.uid(), so it runs once per query.
            --   * SECURITY DEFINER functions get SET search_path = '' and fully qualified names.
            --   * Index existing tables with CREATE INDEX CONCURRENTLY (outside a transaction:
            --     `schemasnap apply --no-transaction`); add NOT NULL columns with a DEFAULT.
            --   * Check it before review: `schemasnap lint <this file>`.
            --
            -- Common examples (copy what you need into UP)
            --
            --   create table public.notes (
            --     id bigint generated always as identity primary key,
            --     user_id uuid not null references auth.users (id) on delete cascade,
            --     body text not null,
            --     created_at timestamptz not null default now()
            --   );
            --   alter table public.notes enable row level security;
            --   create policy "Users read their notes" on public.notes
            --     for select to authenticated using ((select auth.uid()) = user_id);
            --
            --   alter table public.profiles add column bio text;
            --
            --   create index concurrently if not exists notes_user_id_idx on public.notes (user_id);
            --
            --   create function public.note_count() returns bigint
            --   language sql stable security invoker set search_path = ''
            --   as $$ select count(*) from public.notes where user_id = (select auth.uid()) $$;
            --   grant execute on function public.note_count() to authenticated;
            --
            -- Checklist
            --   [ ] RLS enabled and policies written for every new table in public
            --   [ ] DOWN section undoes UP (`schemasnap verify` checks it)
            --   [ ] `schemasnap lint` shows no hazard you have not accepted
            --   [ ] applied to dev and staging before production

            -- ============================================================================
            -- UP
            -- ============================================================================

            \(up ?? "-- Write the migration here.")

            -- ============================================================================
            -- DOWN (rollback): read by `schemasnap rollback` and `verify`. Keep every line
            -- commented out, so runners that apply the whole file (the Supabase CLI too)
            -- skip it. Undo UP, last change first.
            -- ============================================================================
            \(MigrationFile.downMarker)
            \(downLines)
            \(MigrationFile.endMarker)

            """
    }
}
