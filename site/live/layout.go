package live

import "path/filepath"

// FolderName is the site folder's name in the portal's data folder:
// pb_data/site. Backups leave it out (every build makes it again).
const FolderName = "site"

// InData is the site folder of the portal whose data folder is dataDir.
func InData(dataDir string) Dir { return Dir{Root: filepath.Join(dataDir, FolderName)} }

// SrcPath is Hugo's source folder of the builds.
func (d Dir) SrcPath() string { return filepath.Join(d.Root, "src") }

// OutPath is the link Hugo's kept site writes through, pointed at the
// current build's output.
func (d Dir) OutPath() string { return filepath.Join(d.Root, "out") }

// AheadPath is the working folder of the ahead lane (site/ahead.go).
func (d Dir) AheadPath() string { return filepath.Join(d.Root, "ahead") }

// CachePath is the cache folder shared by builds (Hugo's processed
// resources); GzipCachePath and CardCachePath are inside it.
func (d Dir) CachePath() string { return filepath.Join(d.Root, "cache") }

// GzipCachePath keeps precompressed copies of the built files by content.
func (d Dir) GzipCachePath() string { return filepath.Join(d.CachePath(), "gzip") }

// CardCachePath keeps the drawn share cards by content.
func (d Dir) CardCachePath() string { return filepath.Join(d.CachePath(), "the-chia-se") }

// StatusPath is the file that keeps the last builds' reports.
func (d Dir) StatusPath() string { return filepath.Join(d.Root, "status.json") }

// ImageChecksPath is the file that keeps what builds found of the stored
// images.
func (d Dir) ImageChecksPath() string { return filepath.Join(d.Root, "image-checks.json") }

// DeployStatePath is the file where deploys to a bucket keep their copy
// of its manifest and the hashes of the files deployed (site/deploy).
func (d Dir) DeployStatePath() string { return filepath.Join(d.Root, "deploy-state.gob") }

// ListingPath is the file beside a build's output folder public that lists
// its files, one path a line (written by full builds; site/deploy reads
// it).
func ListingPath(public string) string { return filepath.Clean(public) + ".files" }

// PreviewPattern is the os.MkdirTemp pattern of a preview's folder, made
// in Root.
const PreviewPattern = ".preview-"

// VersionsOf is the file beside a build's output folder public (PublicOf)
// that lists the record versions the build holds: not served.
func (d Dir) VersionsOf(public string) string {
	return filepath.Join(filepath.Dir(public), "versions.json")
}

// PublicOf is the output folder of the build folder build (made by
// NewBuild): what Swap points the live link at.
func (d Dir) PublicOf(build string) string { return filepath.Join(build, "public") }
