"""Reading and cleaning: files in, `Article`s out."""
