//! End to end through a real terminal: tmux runs a shell, the shell runs the reader on a sample, keys are sent,
//! the screen is read, and after quitting the shell must be back with its terminal settings restored.
//! Skipped (with a message) where tmux is not installed.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("tmux is not installed: skipping the end-to-end reader test");
            return None;
        }
        let tmux = Tmux {
            socket: format!("liseuse-test-{}-{name}", std::process::id()),
        };
        let status = tmux
            .cmd(&[
                "new-session",
                "-d",
                "-x",
                "120",
                "-y",
                "40",
                "-s",
                "t",
                "sh",
            ])
            .status()
            .unwrap();
        assert!(status.success());
        Some(tmux)
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new("tmux");
        // CI runs without a terminal of its own, and maybe without TERM: tmux needs one to start.
        c.env("TERM", "xterm-256color")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args);
        c
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status().unwrap().success());
    }

    fn type_line(&self, line: &str) {
        self.send(&["-l", line]);
        self.send(&["Enter"]);
    }

    fn screen(&self) -> String {
        let out = self
            .cmd(&["capture-pane", "-p", "-t", "t"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `needle`, and returns the screen.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {needle:?}; the screen:\n{screen}");
            }
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]).status();
    }
}

fn reader_command(args: &str) -> String {
    let bin = env!("CARGO_BIN_EXE_liseuse");
    let root = env!("CARGO_MANIFEST_DIR");
    format!(
        "cd '{root}' && XDG_CONFIG_HOME=/nonexistent NO_COLOR=1 TERM=xterm-256color '{bin}' {args}"
    )
}

/// Checks that the shell answers and that its terminal is back in cooked mode with echo.
fn assert_shell_restored(tmux: &Tmux, tag: &str) {
    tmux.type_line(&format!(
        "stty -a | tr ' ;' '\\n\\n' | grep -x -e -icanon -e icanon -e -echo -e echo | tr '\\n' ' '; echo {tag}-DONE"
    ));
    let start = Instant::now();
    loop {
        let screen = tmux.screen();
        // The answer line starts with the flag itself; the typed command line starts with the prompt.
        let answer = screen.lines().find(|l| {
            let l = l.trim_start();
            l.contains(&format!("{tag}-DONE"))
                && (l.starts_with("icanon") || l.starts_with("-icanon"))
        });
        if let Some(line) = answer {
            assert!(
                line.trim_start().starts_with("icanon"),
                "raw mode left on:\n{screen}"
            );
            assert!(line.contains(" echo "), "echo left off:\n{screen}");
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no answer from the shell:\n{screen}"
        );
        sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_reader_runs_in_a_real_terminal_and_restores_it() {
    let Some(tmux) = Tmux::start("file") else {
        return;
    };
    tmux.type_line("echo BEFORE");
    tmux.wait_for("BEFORE\n");
    tmux.type_line(&format!(
        "{}; echo EXIT=$?",
        reader_command("assets/articles/01-port-de-brest.txt")
    ));
    let screen = tmux.wait_for("Quotes (");
    assert!(screen.contains("Timeline ("), "{screen}");
    assert!(screen.contains("Brest"), "{screen}");
    assert!(
        !screen.contains("BEFORE"),
        "the reader uses the alternate screen:\n{screen}"
    );

    tmux.send(&["?"]);
    let help = tmux.wait_for("Keys — ");
    assert!(help.contains("next quote"), "{help}");
    tmux.send(&["q"]);
    tmux.send(&["/"]);
    tmux.send(&["-l", "sommet"]);
    tmux.send(&["Enter"]);
    let search = tmux.wait_for("1/");
    assert!(search.contains("sommet"), "{search}");
    tmux.send(&["q"]);
    let after = tmux.wait_for("EXIT=0");
    assert!(
        after.contains("BEFORE"),
        "the shell's screen is back:\n{after}"
    );
    assert_shell_restored(&tmux, "FILE");
}

#[test]
fn piped_standard_input_still_reads_keys_from_the_terminal() {
    let Some(tmux) = Tmux::start("stdin") else {
        return;
    };
    tmux.type_line(&format!(
        "cat assets/articles/01-port-de-brest.txt | ({}); echo EXIT=$?",
        reader_command("-")
    ));
    tmux.wait_for("Quotes (");
    tmux.send(&["G"]);
    tmux.wait_for("100%");
    tmux.send(&["C-c"]);
    tmux.wait_for("EXIT=0");
    assert_shell_restored(&tmux, "PIPE");
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    let Some(tmux) = Tmux::start("signals") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for signal in ["TERM", "HUP"] {
        let pid_file = dir.path().join(format!("{signal}.pid"));
        // The shell writes its pid and becomes the reader, so the pid is the reader's.
        let bin = env!("CARGO_BIN_EXE_liseuse");
        let sample = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/articles/01-port-de-brest.txt"
        );
        tmux.type_line(&format!(
            "sh -c 'echo $$ > {}; exec env XDG_CONFIG_HOME=/nonexistent TERM=xterm-256color {bin} {sample}'; echo EXIT=$?",
            pid_file.display()
        ));
        tmux.wait_for("Quotes (");
        let pid = std::fs::read_to_string(&pid_file).unwrap();
        let status = Command::new("kill")
            .args([&format!("-{signal}"), pid.trim()])
            .status()
            .unwrap();
        assert!(status.success());
        tmux.wait_for("EXIT=");
        assert_shell_restored(&tmux, signal);
        tmux.type_line("clear");
    }
}

#[test]
fn the_reader_ends_when_its_terminal_goes_away() {
    let Some(tmux) = Tmux::start("hangup") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let pid_file = dir.path().join("reader.pid");
    let bin = env!("CARGO_BIN_EXE_liseuse");
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/articles/01-port-de-brest.txt"
    );
    tmux.type_line(&format!(
        "sh -c 'echo $$ > {}; exec env XDG_CONFIG_HOME=/nonexistent TERM=xterm-256color {bin} {sample}'",
        pid_file.display()
    ));
    tmux.wait_for("Quotes (");
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    // Closing the multiplexer takes the terminal away: the reader must end, not spin on a dead terminal.
    drop(tmux);
    let alive = || std::path::Path::new(&format!("/proc/{}", pid.trim())).exists();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while alive() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let still_alive = alive();
    if still_alive {
        let _ = Command::new("kill").args(["-9", pid.trim()]).status();
    }
    assert!(!still_alive, "the reader outlived its terminal");
}
