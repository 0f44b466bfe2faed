from timeline_cli.cli.app import main

main()
