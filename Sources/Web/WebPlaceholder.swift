// The Web module (issue 11) is built in Sources/Web; this file keeps the target non-empty until then.
import Hummingbird
