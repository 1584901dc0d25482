/// The version varselvakt reports in its User-Agent and `--version`.
public enum VarselvaktVersion {
    public static let string = "0.1.0"
}
