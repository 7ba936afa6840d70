package io.retort.examples.batch;

/** How a run shows its progress ({@code --progress}). */
public enum ProgressMode {
    /** A bar on a terminal, log lines otherwise. */
    AUTO,
    /** A one-line bar redrawn with carriage returns. */
    BAR,
    /** A line every few seconds. */
    LOG,
    /** Nothing until the summary. */
    NONE
}
