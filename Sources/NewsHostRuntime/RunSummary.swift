/// The end-of-run summary as JSON (`--summary-json`), for the scripts and
/// engines (Spark, cron) that run newshost: the counts of the one-line
/// summary, as numbers.
public struct RunSummary: Encodable, Sendable {
    public var articlesRead: Int
    public var articlesCompleted: Int
    public var inputsRead: Int
    public var inputsRefused: Int
    public var recordsSkipped: Int
    public var pluginFailures: Int
    public var plugins: Int
    public var jobs: Int
    public var seconds: Double
    public var peakMemoryMB: Int
    public var workerProcesses: Int
    public var largestWorkerPeakMB: Int
    public var stoppedEarly: Bool
    public var interrupted: Bool

    /// The summary of `report`, with the resources the run used.
    public init(
        _ report: RunReport, plugins: Int, jobs: Int, peakMemoryMB: Int, workerProcesses: Int, largestWorkerPeakMB: Int
    ) {
        articlesRead = report.articlesRead
        articlesCompleted = report.articlesCompleted
        inputsRead = report.inputsRead
        inputsRefused = report.inputProblems.count
        recordsSkipped = report.skippedRecords.count
        pluginFailures = report.pluginFailures.count
        self.plugins = plugins
        self.jobs = jobs
        seconds = report.seconds
        self.peakMemoryMB = peakMemoryMB
        self.workerProcesses = workerProcesses
        self.largestWorkerPeakMB = largestWorkerPeakMB
        stoppedEarly = report.stoppedEarly
        interrupted = report.interrupted
    }
}
