import Dispatch
import Foundation

/// Ctrl-C and SIGTERM during a run: the first one asks the run to stop
/// reading (in-flight articles finish, exporters commit what was
/// processed); a second one ends the process at once.
final class Interrupts: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32 = 0
    private var sources: [DispatchSourceSignal] = []

    /// The signal that arrived first, if any.
    var signal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received == 0 ? nil : received
    }

    /// Starts catching SIGINT and SIGTERM.
    func install() {
        for number in [SIGINT, SIGTERM] {
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                lock.lock()
                let first = received == 0
                if first { received = number }
                lock.unlock()
                if first {
                    FileHandle.standardError.write(
                        Data(
                            "\nnewshost: interrupted; finishing the articles in progress (interrupt again to quit at once)\n"
                                .utf8))
                } else {
                    exit(128 + number)
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
