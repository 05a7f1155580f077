"""Files of any kind: look at a file before a parser touches it (`guard`) and write it
safely, one atomic rename, normal permissions (`safe`). Imports only the plain helpers."""
