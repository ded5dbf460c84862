import CNcursesw
import Glibc
import TerminalCanvas

extension TerminalSession {
    /// Waits up to `timeoutMilliseconds` (negative: no limit) for a key, a resize or a
    /// termination request. Codes without a `Key` are skipped.
    ///
    /// Reads never block inside ncurses (the window's timeout is 0); the wait is a `poll` on
    /// the terminal and the wake-up pipe, so a signal ends it at once and nothing spins.
    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent {
        guard !isStopped else { return .terminate }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds >= 0 ? clock.now.advanced(by: .milliseconds(timeoutMilliseconds)) : nil
        var emptyReadsAfterInput = 0
        while true {
            if SignalFlags.terminateSignal.load(ordering: .acquiring) != 0 { return .terminate }
            if SignalFlags.suspendRequested.exchange(false, ordering: .acquiringAndReleasing) {
                suspend()
                return .resize(width: size.width, height: size.height)
            }
            switch readKey() {
            case .event(let event): return event
            case .skipped: continue
            case .nothing: break
            }

            var waitMilliseconds: Int32 = -1
            if let deadline {
                let left = clock.now.duration(to: deadline)
                if left <= .zero { return .timeout }
                let (seconds, attoseconds) = left.components
                let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
                waitMilliseconds = Int32(clamping: milliseconds)
            }
            switch waitForInput(milliseconds: waitMilliseconds) {
            case .input:
                // The terminal said "readable" but ncurses produced nothing (a partial or
                // invalid byte sequence). Harmless once; if it repeats, slow down.
                emptyReadsAfterInput += 1
                if emptyReadsAfterInput > 2 { usleep(10_000) }
            case .signalled, .timedOut:
                break
            case .terminalGone:
                return .terminate
            }
        }
    }

    private enum KeyRead {
        case event(TerminalEvent)
        case skipped // a code without a Key: read again
        case nothing // no input is waiting
    }

    private func readKey() -> KeyRead {
        var value: wint_t = 0
        switch wget_wch(window, &value) {
        case OK:
            return KeyDecoder.key(character: UInt32(value)).map { .event(.key($0)) } ?? .skipped
        case isoj_key_code_yes():
            let code = Int32(bitPattern: value)
            if code == KEY_RESIZE {
                let current = size
                return .event(.resize(width: current.width, height: current.height))
            }
            if code == BracketedPaste.startCode { return .event(.key(.paste(readPaste()))) }
            if code == BracketedPaste.endCode { return .skipped }
            return KeyDecoder.key(code: code).map { .event(.key($0)) } ?? .skipped
        default:
            return .nothing
        }
    }

    /// Everything up to the end marker, as text: CR (what Enter sends in raw mode) becomes a
    /// line break; key codes inside a paste (an escape sequence in the pasted text) are dropped.
    /// If the end marker never comes, what arrived is the paste.
    private func readPaste() -> String {
        var text = String.UnicodeScalarView()
        var count = 0
        while count < BracketedPaste.largestPaste {
            var value: wint_t = 0
            switch wget_wch(window, &value) {
            case OK:
                guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
                text.append(scalar == "\r" ? "\n" : scalar)
                count += 1
            case isoj_key_code_yes():
                if Int32(bitPattern: value) == BracketedPaste.endCode { return String(text) }
            default:
                guard waitForInput(milliseconds: 500) == .input else { return String(text) }
            }
        }
        return String(text)
    }

    private enum WaitResult {
        case input, signalled, timedOut, terminalGone
    }

    private func waitForInput(milliseconds: Int32) -> WaitResult {
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakePipe.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
        if ready < 0 {
            if errno == EINTR || errno == EAGAIN { return .signalled }
            return .terminalGone
        }
        if ready == 0 { return .timedOut }
        if descriptors[1].revents != 0 {
            wakePipe.drain()
            return .signalled
        }
        let terminal = Int32(descriptors[0].revents)
        if terminal & (POLLHUP | POLLERR | POLLNVAL) != 0 { return .terminalGone } // hung up
        return .input
    }
}
