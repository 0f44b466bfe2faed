from timeline_cli.cli import main

main()
