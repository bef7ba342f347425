//! The platform's folders for hustings: where its cache, config and the voter's data go
//! when nothing says otherwise (`$XDG_CACHE_HOME/hustings`, `$XDG_CONFIG_HOME/hustings`,
//! `$XDG_DATA_HOME/hustings` on Linux).

use directories::ProjectDirs;

/// The platform's folders for hustings, if the platform has a home for them.
pub fn ours() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "hustings")
}
