//! Entry point of the desktop app; everything is in the library so tests can start it.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    gatehouse_app::run();
}
