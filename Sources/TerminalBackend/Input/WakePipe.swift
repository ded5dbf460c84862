import Glibc

/// A self-pipe: signal handlers write a byte to it so a `poll` that is waiting for a key
/// returns at once, with no gap between "check the flags" and "start waiting".
final class WakePipe {
    let readDescriptor: Int32
    let writeDescriptor: Int32
    private var isOpen = true

    init?() {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { return nil }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
        for descriptor in descriptors {
            // Non-blocking: a handler must never wait on a full pipe. Close-on-exec: an
            // editor or pager we start must not inherit it.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
    }

    /// Empties the pipe; the flags, not the bytes, say what happened.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
    }

    func close() {
        guard isOpen else { return }
        isOpen = false
        _ = Glibc.close(readDescriptor)
        _ = Glibc.close(writeDescriptor)
    }

    deinit { close() }
}
