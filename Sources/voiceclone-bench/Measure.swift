import Foundation

/// Timing and memory helpers for the benchmarks. Every figure is the median of several runs.
enum Measure {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs { times.append(try seconds(body)) }
        times.sort()
        return times[times.count / 2]
    }

    /// Runs a command, returning its wall time and peak resident memory in MB.
    /// CPU seconds (user + system) this process has used so far: steadier than wall time on a busy machine.
    static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return cpu(usage)
    }

    static func cpu(_ u: rusage) -> Double {
        Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    static func command(_ path: String, _ args: [String]) throws -> (seconds: Double, peakMB: Double, stdout: String, cpu: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = args
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let output = DataBox()
        pipe.fileHandleForReading.readabilityHandler = { h in output.append(h.availableData) }
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        var status: Int32 = 0
        var usage = rusage()
        wait4(process.processIdentifier, &status, 0, &usage)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        pipe.fileHandleForReading.readabilityHandler = nil
        output.append(pipe.fileHandleForReading.readDataToEndOfFile())
        return (elapsed, Double(usage.ru_maxrss) / 1024, output.string, cpu(usage))
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The one-minute load average, to read wall times against.
    static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        return String(format: "%.2f", getloadavg(&loads, 3) > 0 ? loads[0] : 0)
    }

    static func format(_ s: Double) -> String { String(format: "%.3f s", s) }
}

final class DataBox: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func append(_ d: Data) { lock.lock(); data.append(d); lock.unlock() }
    var string: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
}
