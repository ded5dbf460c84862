import Foundation
import Testing

/// The hidden `open --keys` mode: the real program on scripted keys at a fixed size, whole
/// screens compared as text, no tmux timing.
@Suite("End to end: scripted keys")
struct ScriptedKeysEndToEndTests {
    @Test("a course set up on scripted keys: the form and Today, whole screens at 80×24, then a small window",
          .enabled(if: FakeTime.path != nil, "faketime is not installed: whole screens need a fixed clock"))
    func courseSetupScreens() throws {
        let journal = TemporaryJournal()
        let run = journal.runKeys("""
            <screen>
            <Down>61<Down><Down><Down><Down>20+20<C-s>
            <screen>
            <resize 40x8><screen>q
            """, at: "2026-11-26 08:05:00")
        #expect(run.status == 0, "\(run.stderr)")
        let screens = scriptedScreens(run.stdout)
        try #require(screens.count == 3, "\(run.stdout)")
        #expect(screens[0] == """
             IsoJournal · Set up your course

             Enter your course as your prescriber set it. You can change it later (c).

            ▸ Start date         2026-11-26
              Body weight
              Weight unit        (•) kg  ( ) lb
              Product            isotretinoin (generic)
              Take it            (•) with food  ( ) with or without food
              Dose plan (mg)
              Intake times       08:00, 20:00
              Target (mg/kg)     120
              Patient category   (•) can get pregnant  ( ) cannot get pregnant
              Planned end

             The day of your first dose, YYYY-MM-DD (add HH:MM if not the day's first).







             ↑↓ field   ← → choose   ^S save   F1 help   Esc later
            """)
        #expect(screens[1] == """
             IsoJournal                                           Thursday 26 November 2026
             Due   (↑↓ select · z snooze 1 hour · x dismiss)
             ▸ due now  Morning dose: 20 mg with food at 08:00 — not recorded yet (d)
               today    Contraception 1: not confirmed for month 1 (k)
               today    Contraception 2: not confirmed for month 1 (k)
               today    Pregnancy test for month 1: needed before this month's prescri… (k)
               today    Monthly programme confirmation for month 1 not ticked yet (k)
               today    Log today's symptoms (l)
               … and 1 more (isojournal remind)
             Course  day 1 · month 1 · plan 20 + 20 mg · 61 kg
               0 mg = 0.0 of 120 mg/kg  [░░░░░░░░░░░░░░░░░░░░] 0%
               Taken   last 7 days 0/1 · month 0/1 · course 0/1 · 1 not recorded
               Target  – at your recent intake · Fri 28 May 2027 at the plan
             Doses today  morning 20 mg due since 08:00 · evening 20 mg at 20:00
             Checklist  month 1: 0 done, 6 to do
             Symptoms today
               Nothing logged yet. Press l to log today's symptoms.
             Last 7 days
               Wed 25 Nov 2026 –
               Tue 24 Nov 2026 –
               Mon 23 Nov 2026 –
               … 4 more (h)
             Course saved.
             l log d doses b labs k checklist m mood c course h history ? help q quit
            """)
        #expect(screens[2] == """



            Make the window larger: IsoJournal needs
                      40×12, this is 40×8.



            """)
        // What the screens said was saved is in the journal.
        let status = journal.runAt("2026-11-26 08:05:00", "status", "--json")
        #expect(status.stdout.contains("\"plan\" : \"20+20\""), "\(status.stdout)")
    }

    @Test("--keys is hidden from help; an unknown key or a bad size is bad input and opens nothing")
    func badScripts() {
        let journal = TemporaryJournal()
        #expect(!journal.run("open", "--help").stdout.contains("--keys"))
        let unknown = journal.runKeys("l<Bogus>")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("line 1: unknown key <Bogus>"), "\(unknown.stderr)")
        let size = journal.runAt(nil, "open", "--keys", "/dev/null", "--size", "80by24")
        #expect(size.status == 2)
        #expect(size.stderr.contains("--size must look like 80x24"), "\(size.stderr)")
        #expect(!FileManager.default.fileExists(atPath: journal.directory + "/journal.jsonl"))
    }
}
