package ops

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// Secrets (the SMTP password, the S3 keys, the metrics token, the key
// that encrypts PocketBase's settings) reach the portal in one of three
// ways, never on its command line, where every user of the machine reads
// them with ps:
//
//   - an environment variable (PORTAL_SMTP_PASSWORD…), e.g. from a
//     root-only EnvironmentFile;
//   - a file named by the same variable with _FILE appended
//     (PORTAL_SMTP_PASSWORD_FILE=/etc/portal/smtp-password) or by a
//     --…-file flag;
//   - a systemd credential (LoadCredential=smtp-password:/etc/portal/…,
//     or LoadCredential=portal:/etc/portal/credentials for a folder of
//     them), read from $CREDENTIALS_DIRECTORY: only the service can read
//     it, and it is never in the environment of other processes.
//
// The flags that took a secret itself (--smtp-password, --metrics-token)
// still work but warn.

// EncryptionEnv is the environment variable whose value (32 characters)
// encrypts PocketBase's settings in data.db (PocketBase's --encryptionEnv
// names another); its file (EncryptionEnv_FILE) or the systemd credential
// encryption-key give it too.
const EncryptionEnv = "PORTAL_ENCRYPTION_KEY"

// credentialFolder is the id of a LoadCredential= that hands the portal a
// whole folder of secrets, one file each.
const credentialFolder = "portal"

// secretSource is where a secret came from, for messages.
type secretSource string

// readSecret reads the secret of the environment variable env, its _FILE
// variant, the file named by file (a flag) or the systemd credential cred,
// in that order of preference: file, env, env_FILE, cred. It returns ""
// when none is given.
func readSecret(env, file, cred string) (string, secretSource, error) {
	if file != "" {
		v, err := readSecretFile(file)
		return v, secretSource(file), err
	}
	if v := os.Getenv(env); v != "" {
		return v, secretSource("$" + env), nil
	}
	if f := os.Getenv(env + "_FILE"); f != "" {
		v, err := readSecretFile(f)
		return v, secretSource(f), err
	}
	if dir := os.Getenv("CREDENTIALS_DIRECTORY"); dir != "" && cred != "" {
		// One LoadCredential= per secret names it cred; one for a folder
		// (LoadCredential=portal:/etc/portal/credentials) portal_<cred>.
		for _, name := range []string{cred, credentialFolder + "_" + cred} {
			v, err := readSecretFile(filepath.Join(dir, name))
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return v, secretSource("systemd credential " + name), err
		}
	}
	return "", "", nil
}

// maxSecret bounds a secret file: a password or a key, not a document.
const maxSecret = 64 << 10

// readSecretFile reads a secret from the file p, without its final line
// break.
func readSecretFile(p string) (string, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return "", fmt.Errorf("đọc tệp bí mật %s: %w", p, err)
	}
	if fi.Size() > maxSecret {
		return "", fmt.Errorf("tệp bí mật %s lớn quá (%d byte): chỉ chứa mật khẩu hoặc khóa", p, fi.Size())
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return "", fmt.Errorf("đọc tệp bí mật %s: %w", p, err)
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}

// awsKeys are the S3 keys the deploy, the replica and the start-up checks
// read from the environment (the AWS SDK's names), with the systemd
// credential each may come from instead.
var awsKeys = []struct{ env, cred string }{
	{"AWS_ACCESS_KEY_ID", "aws-access-key-id"},
	{"AWS_SECRET_ACCESS_KEY", "aws-secret-access-key"},
}

// loadFileSecrets puts into this process's environment the S3 keys and
// the settings' encryption key (the variable encryptionEnv) given as
// files or credentials, where the libraries that read the environment
// find them.
func loadFileSecrets(encryptionEnv string) error {
	keys := append([]struct{ env, cred string }{}, awsKeys...)
	if encryptionEnv != "" {
		keys = append(keys, struct{ env, cred string }{encryptionEnv, "encryption-key"})
	}
	for _, k := range keys {
		if os.Getenv(k.env) != "" {
			continue
		}
		v, _, err := readSecret(k.env, "", k.cred)
		if err != nil {
			return err
		}
		if v != "" {
			os.Setenv(k.env, v)
		}
	}
	return nil
}

// checkEncryptionKey refuses, in Vietnamese, a settings encryption key
// PocketBase cannot use (AES-256: 32 bytes).
func checkEncryptionKey(env string) error {
	v := os.Getenv(env)
	if v == "" || len(v) == 32 {
		return nil
	}
	return fmt.Errorf("khóa mã hóa cài đặt trong %s dài %d byte; cần đúng 32 ký tự (ví dụ: openssl rand -hex 16)", env, len(v))
}

// encryptSettings saves the settings once when they are stored in
// plaintext while an encryption key is set: PocketBase encrypts them only
// when it writes them, so a key given to a running portal would otherwise
// leave the S3 and SMTP secrets IT typed in /_/ readable in data.db (and
// in every backup and replica) until the next change.
func encryptSettings(app core.App) error {
	if os.Getenv(app.EncryptionEnv()) == "" {
		return nil
	}
	var raw string
	err := app.DB().NewQuery("SELECT value FROM _params WHERE id = 'settings'").Row(&raw)
	if err != nil || !strings.HasPrefix(strings.TrimSpace(raw), "{") {
		return nil // none yet, or already encrypted
	}
	if err := app.Save(app.Settings()); err != nil {
		return fmt.Errorf("mã hóa cài đặt bằng khóa trong %s: %w", app.EncryptionEnv(), err)
	}
	say(true, "Đã mã hóa cài đặt của PocketBase (mật khẩu SMTP, khóa S3 đặt ở /_/) bằng khóa trong %s.", app.EncryptionEnv())
	return nil
}

// settleSecret returns the secret given on the command line as --flag
// (inline), with a warning, or else the one readSecret finds from the
// file flag, the environment variable env or the credential cred.
func settleSecret(inline, flag, file, env, cred string) (string, error) {
	if inline != "" {
		warnSecretFlag(flag, env, cred)
		return inline, nil
	}
	v, _, err := readSecret(env, file, cred)
	return v, err
}

// warnSecretFlag says on the console that a secret was given on the
// command line.
func warnSecretFlag(flag, env, cred string) {
	sayAs(bad, "--%s đặt bí mật ngay trên dòng lệnh: mọi người dùng của máy đọc được nó bằng ps. "+
		"Hãy dùng --%s-file TỆP, biến môi trường %s (hoặc %s_FILE) hay systemd LoadCredential=%s:TỆP.", flag, flag, env, env, cred)
}
