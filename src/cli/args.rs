//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::voter::order::OrderMode;

/// Read, compare and weigh the candidates of an open-source governance election.
///
/// With no PATH, opens ./candidates if there is one, else the roster built into hustings.
#[derive(Debug, Parser)]
#[command(
    name = "hustings",
    version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("HUSTINGS_COMMIT"), ")"),
    about,
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    /// Candidate YAML files, or folders of them (read recursively; each folder is an
    /// election), or published statements, or a git repository (`https://…`, `git@…`,
    /// `file://…`, `owner/repo` for GitHub), cloned into the cache.
    pub paths: Vec<PathBuf>,

    /// The voter's order and data, for the app.
    #[command(flatten)]
    pub voter: VoterArgs,

    /// How files are read, for the app.
    #[command(flatten)]
    pub files: FileArgs,

    #[command(subcommand)]
    /// A subcommand; none opens the app.
    pub command: Option<Command>,
}

/// The voter's order and data: offered to the app and to the commands that show candidates
/// in the voter's order or read their ballot, not to the others.
#[derive(Debug, Default, Clone, Args)]
pub struct VoterArgs {
    /// Order of candidates in each election: `random` (per voter, stable; the default unless
    /// the config file sets another), `name`, or a number to seed the shuffle with.
    #[arg(long, value_name = "name|random|SEED")]
    pub order: Option<OrderMode>,

    /// Where your notes and ranking are kept (default: the config file's `data_dir`, else
    /// the platform's data directory).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

/// How files are read: offered to the app and to every command that reads candidate files.
#[derive(Debug, Default, Clone, Copy, Args)]
pub struct FileArgs {
    /// List every file left out as no candidate, not just how many.
    #[arg(short, long)]
    pub verbose: bool,

    /// Read every file afresh, neither using nor writing the cache of parsed files and word
    /// index (kept in the platform's cache directory, checked against each file's size,
    /// times and inode).
    #[arg(long)]
    pub no_cache: bool,
}

#[derive(Debug, Subcommand)]
/// The subcommands.
pub enum Command {
    /// Print the candidates one per line, in the order the app shows them (for scripts).
    List {
        /// Candidate files or folders (default as for the app).
        paths: Vec<PathBuf>,
        /// Only the candidates this search matches (as `/` in the app).
        #[arg(long, value_name = "QUERY")]
        filter: Option<String>,
        /// The voter's order and data.
        #[command(flatten)]
        voter: VoterArgs,
        /// How files are read.
        #[command(flatten)]
        files: FileArgs,
    },
    /// Your ballot: export it to paste into the real one.
    Ballot {
        #[command(subcommand)]
        /// What to do with the ballot.
        command: BallotCommand,
    },
    /// Convert published statements (any community's documents, read by their structure:
    /// a file per candidate, sections, tables, lists, data files; NixOS questions and
    /// answers, mailing-list archives) into candidate YAML: one folder per election, one file
    /// per candidate, with an election.yaml.
    Import {
        /// Files or folders of statements (a checkout of a project's community repository).
        #[arg(required = true)]
        sources: Vec<PathBuf>,
        /// Where to write the elections (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// How files are read.
        #[command(flatten)]
        files: FileArgs,
    },
    /// Check candidate YAML and statements without opening the app: each problem is printed
    /// as `file:line:column: message`, and the exit status is 1 if there is any.
    Check {
        /// Where to look for the candidates (default as for the app: ./candidates if there
        /// is one, else the roster built into hustings).
        paths: Vec<PathBuf>,
        /// Say how each file was read: "a document; 7 candidates from the table under
        /// 'Nominees'", "one candidate's statement, named by its first heading", or why it
        /// was left out.
        #[arg(long)]
        explain: bool,
        /// How files are read.
        #[command(flatten)]
        files: FileArgs,
    },
    /// Print statements side by side as plain text (for pipes, `less`, screen readers and
    /// printing). Each NAME picks the candidate whose name contains it (the latest election's
    /// if several); arguments that are files or folders say where to look.
    Show {
        /// Names (or parts of names), and any files or folders to read.
        #[arg(required_unless_present = "question", value_name = "NAME|PATH")]
        args: Vec<String>,
        /// Print every candidate's answer to question N (as `hustings questions` numbers
        /// them) side by side, the question above; with names, only those candidates'.
        #[arg(long, value_name = "N")]
        question: Option<usize>,
        /// Total width (default: the terminal's, else 80).
        #[arg(long)]
        width: Option<u16>,
        /// Rules and separators in ASCII, no box-drawing characters; the statements' own
        /// text is printed as written (its quotes and dashes included).
        #[arg(long)]
        plain: bool,
        /// The voter's order and data.
        #[command(flatten)]
        voter: VoterArgs,
        /// How files are read.
        #[command(flatten)]
        files: FileArgs,
    },
    /// Print the themes of each election: the terms that distinguish its statements, and
    /// how often each candidate mentions them.
    Themes {
        /// Candidate files or folders (default as for the app).
        paths: Vec<PathBuf>,
        /// How many themes per election.
        #[arg(long, default_value_t = 12)]
        count: usize,
        /// The voter's order and data.
        #[command(flatten)]
        voter: VoterArgs,
        /// How files are read.
        #[command(flatten)]
        files: FileArgs,
    },
    /// Print each election's questions as a grid: questions down, candidates across (in
    /// the order the app shows them), each cell the words of the answer or none, with how
    /// many answered each question and how many each candidate answered.
    Questions {
        /// Candidate files or folders (default as for the app).
        paths: Vec<PathBuf>,
        /// Print the grid as JSON: elections, their candidates, and per question the words
        /// of each candidate's answer (0 if none).
        #[arg(long)]
        json: bool,
        /// Total width (default: the terminal's, else 80).
        #[arg(long)]
        width: Option<u16>,
        /// The voter's order and data.
        #[command(flatten)]
        voter: VoterArgs,
        /// How files are read.
        #[command(flatten)]
        files: FileArgs,
    },
    /// Print a completion script for a shell, to source from its start-up file (see README).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a folder on MANPATH.
    Man,
    /// Say where the config file is and what is wrong with it; `--default` prints a
    /// commented default file to start one from.
    Config {
        /// Print the default config file, every setting commented out.
        #[arg(long)]
        default: bool,
    },
    /// List a person's candidacies (election, date, file), matched by e-mail, GitHub handle
    /// or name, and what changed from each statement to the next.
    History {
        /// A name (or part of one), and any files or folders to read.
        #[arg(required = true, value_name = "NAME|PATH")]
        args: Vec<String>,
        /// How files are read.
        #[command(flatten)]
        files: FileArgs,
    },
}

#[derive(Debug, Subcommand)]
/// What `ballot` does.
pub enum BallotCommand {
    /// Print your ranking (with ties) of each election in the form its real ballot takes
    /// (as far as its files say where it is cast), or in the form you choose.
    Export {
        #[arg(long, value_enum)]
        /// The form to print (default: each election's own, where its files say how it is
        /// cast: CIVS, OpaVote or a form → civs, Elekto → elekto, a mailing list → debian,
        /// approval → approval; else civs). `markdown` keeps your notes too.
        format: Option<ExportFormat>,
        /// Candidate files or folders (default as for the app).
        paths: Vec<PathBuf>,
        /// The voter's order and data.
        #[command(flatten)]
        voter: VoterArgs,
        /// How files are read.
        #[command(flatten)]
        files: FileArgs,
    },
}

/// The forms a ballot can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The ranking and your notes, for reading or keeping.
    Markdown,
    /// The ranking as data.
    Json,
    /// One line per candidate with the rank to pick in a CIVS ballot.
    Civs,
    /// One line per candidate ID with the rank to pick in an Elekto ballot, and their name.
    Elekto,
    /// An OpaVote / OpenSTV ballot file (BLT), for counting (to try the count on your
    /// ballot), not for casting; ties are refused.
    Blt,
    /// Debian's form: `[ n ] Choice k: Name`.
    Debian,
    /// The approved candidates, one per line.
    Approval,
}
