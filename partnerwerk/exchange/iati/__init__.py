"""IATI 2.03: activity and organisation files written from, and read into, the projects."""
