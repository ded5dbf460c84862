/// Chooses the scrypt work factor for a new key file from how fast this machine derives.
///
/// The aim is one unlock in about 0.5–1 s here (age and similar tools aim at ≈1 s): slow
/// enough that guessing passphrases from a stolen key file costs real time, fast enough to
/// type a passphrase at every start. The key file is shared, so a slower device pays more;
/// the ceiling (2^20, 1 GiB of memory) keeps that bounded, the floor (2^15) keeps a slow
/// machine from choosing something weak.
///
/// Measured on the development machine (2 cores, release build, shared so never idle), one
/// derivation: logN 15 0.13–0.28 s, 16 0.26–0.64 s, 17 0.59–1.2 s, 18 1.2–2.4 s (lower
/// figures at load 3.7, higher at load 10). `pickLogN` chose 17 at load 3.7–6 and 16 at
/// load 10; 17 is `JournalKey.defaultLogN`.
public enum ScryptTuning {
    public static let lowestChoice = 15
    public static let highestChoice = 20
    /// Stop raising logN once the next step (twice the time) would pass this.
    public static let budgetSeconds = 1.0

    /// Measures from 2^15 upwards and returns the largest logN whose derivation was measured
    /// within `budgetSeconds`, not trying a step whose predicted time (twice the last) is over.
    /// `secondsFor` is the time of one derivation at a logN (injected so tests need no clock).
    public static func pickLogN(secondsFor: (Int) -> Double = measure) -> Int {
        var logN = lowestChoice
        var seconds = secondsFor(logN)
        while logN < highestChoice, seconds * 2 <= budgetSeconds {
            let next = secondsFor(logN + 1)
            guard next <= budgetSeconds else { break }
            logN += 1
            seconds = next
        }
        return logN
    }

    /// Seconds for one key derivation at `logN` on this machine (one run, a throwaway passphrase).
    public static func measure(logN: Int) -> Double {
        let clock = ContinuousClock()
        let salt = JournalKey.randomSalt()
        let elapsed = clock.measure { _ = try? JournalKey.derive(Array("tuning".utf8), salt: salt, logN: logN) }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
