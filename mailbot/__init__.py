"""mailbot: the intake bot for the DPS e-Ticket (TraCS) enrolment mailbox."""

__version__ = "0.1.0"
