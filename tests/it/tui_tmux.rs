//! End to end through a real terminal: tmux runs a shell, the shell runs the reader on a sample, keys are sent,
//! the screen is read, and after quitting the shell must be back with its terminal settings restored.
//! Skipped (with a message) where tmux is not installed. Every reader started here keeps its state file in the
//! test's own folder, never in the user's.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    /// Holds the reader's state file and the pid files.
    dir: tempfile::TempDir,
}

impl Tmux {
    fn start(name: &str) -> Option<Tmux> {
        Tmux::start_shell(name, "sh")
    }

    /// Starts tmux running `shell` (a command line) in a 120×40 window.
    fn start_shell(name: &str, shell: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("tmux is not installed: skipping the end-to-end reader test");
            return None;
        }
        let tmux = Tmux {
            socket: format!("liseuse-test-{}-{name}", std::process::id()),
            dir: tempfile::tempdir().unwrap(),
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
                shell,
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
        self.wait_until(needle, |screen| screen.contains(needle))
    }

    /// Waits until the screen passes `test` (described by `what` if it never does), and returns the screen.
    fn wait_until(&self, what: &str, test: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if test(&screen) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {what}; the screen:\n{screen}");
            }
            sleep(Duration::from_millis(50));
        }
    }

    /// The state file the readers started here use.
    fn state_file(&self) -> std::path::PathBuf {
        self.dir.path().join("state.json")
    }

    /// The command line that runs the reader on `args` from the sources' folder.
    fn reader_command(&self, args: &str) -> String {
        let bin = env!("CARGO_BIN_EXE_liseuse");
        let root = env!("CARGO_MANIFEST_DIR");
        format!("cd '{root}' && {} '{bin}' {args}", self.reader_env())
    }

    /// The environment of a reader under test: no user configuration, no colour, its own state file.
    fn reader_env(&self) -> String {
        format!(
            "XDG_CONFIG_HOME=/nonexistent NO_COLOR=1 TERM=xterm-256color LISEUSE_STATE_FILE=\"{}\"",
            self.state_file().display()
        )
    }

    /// A command line that writes the reader's pid to `pid_file` (the shell's pid, which then becomes the
    /// reader's) and runs the reader on the first sample.
    fn reader_with_pid(&self, pid_file: &std::path::Path) -> String {
        let bin = env!("CARGO_BIN_EXE_liseuse");
        format!(
            "sh -c 'echo $$ > {}; exec env {} {bin} {SAMPLE}'",
            pid_file.display(),
            self.reader_env()
        )
    }
}

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/articles/01-port-de-brest.txt"
);

/// Sends a signal to a process.
fn kill(signal: &str, pid: &str) {
    let status = Command::new("kill")
        .args([&format!("-{signal}"), pid.trim()])
        .status()
        .unwrap();
    assert!(status.success(), "kill -{signal} {pid}");
}

/// Reads the pid file a command line wrote, waiting for it.
fn read_pid(path: &std::path::Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(pid) = std::fs::read_to_string(path)
            && !pid.trim().is_empty()
        {
            return pid.trim().to_string();
        }
        assert!(start.elapsed() < Duration::from_secs(20), "no pid file");
        sleep(Duration::from_millis(50));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]).status();
    }
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
        tmux.reader_command("assets/articles/01-port-de-brest.txt")
    ));
    // A frame may be caught half drawn: wait for all of it.
    let screen = tmux.wait_until("the reader", reader_frame_shown);
    assert!(
        !screen.contains("BEFORE"),
        "the reader uses the alternate screen:\n{screen}"
    );

    tmux.send(&["?"]);
    // The help's heading may be drawn before its lines: wait for both.
    let help = tmux.wait_until("the help", |s| {
        s.contains("Keys — ") && s.contains("next quote")
    });
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
        tmux.reader_command("-")
    ));
    tmux.wait_for("Quotes (");
    tmux.send(&["G"]);
    tmux.wait_for("100%");
    tmux.send(&["C-c"]);
    tmux.wait_for("EXIT=0");
    assert_shell_restored(&tmux, "PIPE");
}

#[test]
fn ending_signals_restore_the_terminal_and_end_the_reader_by_the_signal() {
    let Some(tmux) = Tmux::start("signals") else {
        return;
    };
    // The shell's status after a process ended by signal n is 128 + n.
    let rows = [("INT", 130), ("TERM", 143), ("HUP", 129)];
    for (signal, status) in rows {
        let pid_file = tmux.dir.path().join(format!("{signal}.pid"));
        tmux.type_line(&tmux.reader_with_pid(&pid_file));
        tmux.wait_for("Quotes (");
        kill(signal, &read_pid(&pid_file));
        // Not `reader; echo EXIT=$?` on one line: a shell whose child died of SIGINT abandons the rest of the
        // line, as it would after a Ctrl-c.
        tmux.wait_until("the shell's screen", |s| !s.contains("Quotes ("));
        tmux.type_line("echo EXIT=$?");
        // The answer has digits after EXIT=, the typed command a `$`.
        let screen = tmux.wait_until("the exit status", |s| {
            s.split("EXIT=")
                .skip(1)
                .any(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        });
        assert!(
            screen.contains(&format!("EXIT={status}\n")),
            "SIG{signal}:\n{screen}"
        );
        assert_shell_restored(&tmux, signal);
        tmux.type_line("clear");
    }
}

/// Whether the reader's frame is on the screen: its title line and the side panels.
fn reader_frame_shown(screen: &str) -> bool {
    screen.contains("Exemple liseuse : le port de Brest")
        && screen.contains("Quotes (")
        && screen.contains("Timeline (")
        && screen.contains("Related (")
}

/// Whether the help overlay is gone and the frame under it drawn whole: its title and its last line are away.
fn help_closed(screen: &str) -> bool {
    reader_frame_shown(screen)
        && !screen.contains("Keys — ")
        && !screen.contains("suspend (fg resumes)")
}

#[test]
fn ctrl_z_sigtstp_and_sigstop_give_the_terminal_to_the_shell_and_fg_brings_the_whole_frame_back() {
    // Job control needs an interactive shell that has it: bash, without the user's start-up files.
    if Command::new("bash").arg("--version").output().is_err() {
        eprintln!("bash is not installed: skipping the suspend test");
        return;
    }
    let Some(tmux) = Tmux::start_shell("suspend", "bash --norc --noprofile -i") else {
        return;
    };
    tmux.type_line("PS1='READY> '; echo SHELL-SCREEN");
    tmux.wait_for("SHELL-SCREEN\n");
    let pid_file = tmux.dir.path().join("reader.pid");
    tmux.type_line(&tmux.reader_with_pid(&pid_file));
    let screen = tmux.wait_until("the reader", reader_frame_shown);
    assert!(!screen.contains("SHELL-SCREEN"), "{screen}");
    let pid = read_pid(&pid_file);

    // Ctrl-z, then SIGTSTP from outside: each time the shell's screen and prompt come back, in cooked mode.
    for (way, tag) in [("ctrl-z", "CTRLZ"), ("kill -TSTP", "TSTP")] {
        if way == "ctrl-z" {
            tmux.send(&["C-z"]);
        } else {
            kill("TSTP", &pid);
        }
        let screen = tmux.wait_until("the shell's prompt after a suspension", |s| {
            s.contains("Stopped") && s.trim_end().ends_with("READY>")
        });
        assert!(
            !screen.contains("Quotes ("),
            "{way}: the reader's frame stayed:\n{screen}"
        );
        assert!(
            screen.contains("SHELL-SCREEN\n"),
            "{way}: not the shell's screen:\n{screen}"
        );
        // The shell reads and runs a line: the answer is computed, so the typed line cannot pass for it.
        tmux.type_line(&format!("echo ok-$((20 + {}))", tag.len()));
        tmux.wait_for(&format!("ok-{}\n", 20 + tag.len()));
        assert_shell_restored(&tmux, tag);

        // fg: the whole frame is drawn again over what the shell wrote.
        tmux.type_line("clear; echo SHELL-SCREEN; fg");
        let back = tmux.wait_until("the reader after fg", reader_frame_shown);
        assert!(
            !back.contains("READY>"),
            "{way}: the shell shows through:\n{back}"
        );
        // It still answers keys.
        tmux.send(&["?"]);
        tmux.wait_for("Keys — ");
        tmux.send(&["q"]);
        tmux.wait_until("the help closed", help_closed);
    }
    // A stop the reader cannot see (SIGSTOP) leaves its screen to the shell, which writes over it and may put
    // the terminal in cooked mode; the SIGCONT of fg must take the terminal again and draw the whole frame.
    kill("STOP", &pid);
    // The shell writes where the reader left the cursor, over the frame: its prompt follows the "Stopped" line.
    tmux.wait_until("the shell's prompt after SIGSTOP", |s| {
        s.find("Stopped")
            .is_some_and(|at| s[at..].lines().any(|line| line.starts_with("READY>")))
    });
    tmux.type_line("fg");
    tmux.wait_until("the whole frame after SIGCONT", |s| {
        reader_frame_shown(s) && !s.contains("READY>") && !s.contains("Stopped")
    });
    // One key, no Enter: it reaches the reader only in raw mode.
    tmux.send(&["?"]);
    tmux.wait_for("Keys — ");
    tmux.send(&["q"]);
    tmux.wait_until("the help closed", help_closed);

    tmux.send(&["q"]);
    tmux.wait_until("the prompt after quitting", |s| {
        !s.contains("Quotes (") && s.trim_end().ends_with("READY>")
    });
    assert_shell_restored(&tmux, "QUIT");
    let state = std::fs::read_to_string(tmux.state_file()).unwrap();
    assert!(state.contains("01-port-de-brest.txt"), "{state}");
}

#[test]
fn the_reader_ends_when_its_terminal_goes_away() {
    let Some(tmux) = Tmux::start("hangup") else {
        return;
    };
    let pid_file = tmux.dir.path().join("reader.pid");
    tmux.type_line(&tmux.reader_with_pid(&pid_file));
    tmux.wait_for("Quotes (");
    let pid = read_pid(&pid_file);
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

#[test]
fn a_broken_state_file_is_reported_in_the_status_bar_and_set_aside() {
    let Some(tmux) = Tmux::start("state") else {
        return;
    };
    std::fs::write(tmux.state_file(), "my notes, not a state file").unwrap();
    tmux.type_line(&format!(
        "{}; echo EXIT=$?",
        tmux.reader_command("assets/articles/01-port-de-brest.txt")
    ));
    let screen = tmux.wait_for("state.json ignored: expected value");
    assert!(reader_frame_shown(&screen), "{screen}");
    tmux.send(&["q"]);
    tmux.wait_for("EXIT=0");
    let aside = tmux.dir.path().join("state.json.corrupt");
    assert_eq!(
        std::fs::read_to_string(aside).unwrap(),
        "my notes, not a state file"
    );
    let state = std::fs::read_to_string(tmux.state_file()).unwrap();
    assert!(state.contains("01-port-de-brest.txt"), "{state}");
}

#[test]
fn an_unwritable_state_file_is_reported_and_the_reader_still_runs() {
    let Some(tmux) = Tmux::start("unwritable") else {
        return;
    };
    // A file where the state's folder should be: nothing can be read or written below it.
    let blocker = tmux.dir.path().join("blocker");
    std::fs::write(&blocker, "").unwrap();
    let bin = env!("CARGO_BIN_EXE_liseuse");
    tmux.type_line(&format!(
        "XDG_CONFIG_HOME=/nonexistent NO_COLOR=1 TERM=xterm-256color LISEUSE_STATE_FILE={}/state.json {bin} {SAMPLE}; echo EXIT=$?",
        blocker.display()
    ));
    let screen = tmux.wait_for("state.json ignored: ");
    assert!(reader_frame_shown(&screen), "{screen}");
    tmux.send(&["j", "q"]);
    let screen = tmux.wait_for("EXIT=0");
    assert!(screen.contains("state.json not saved: "), "{screen}");
    assert_shell_restored(&tmux, "UNWRITABLE");
}
