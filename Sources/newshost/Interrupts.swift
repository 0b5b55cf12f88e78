import Dispatch
import Foundation
import Locking
import Synchronization

/// Ctrl-C and SIGTERM during a run: the first one asks the run to stop
/// reading (in-flight articles finish, exporters commit what was
/// processed); a second one ends the process at once.
final class Interrupts: Sendable {
    /// The first signal's number; 0 until one arrives.
    private let received = Atomic<Int32>(0)
    /// Kept alive for as long as the handlers should run.
    private let sources = LockedValue<[DispatchSourceSignal]>([])

    /// The signal that arrived first, if any.
    var signal: Int32? {
        let number = received.load(ordering: .acquiring)
        return number == 0 ? nil : number
    }

    /// Starts catching SIGINT and SIGTERM.
    func install() {
        for number in [SIGINT, SIGTERM] {
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                let first = received.compareExchange(
                    expected: 0, desired: number, ordering: .acquiringAndReleasing
                ).exchanged
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
            sources.withLock { $0.append(source) }
        }
    }
}
