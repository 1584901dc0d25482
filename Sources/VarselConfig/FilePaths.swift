import Foundation

/// Path handling shared by the loaders: config-relative paths, standardized absolute paths.
enum FilePaths {
    /// `path` made absolute against `directory` (unless already absolute), with `.`/`..` removed.
    /// No `~` expansion: under systemd there is no meaningful home directory.
    static func resolve(_ path: String, against directory: String) -> String {
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        return URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL.path
    }

    /// The absolute, standardized form of `path` (relative to the working directory).
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The directory containing `path`.
    static func directory(of path: String) -> String {
        URL(fileURLWithPath: absolute(path)).deletingLastPathComponent().path
    }

    static func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
