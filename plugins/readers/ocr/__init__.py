"""OCR of scanned pages (PDF pages without a text layer, image files) into lines and table cells.

``engine.py`` runs the OCR engine, ``orient.py`` turns and straightens the page, ``grid.py`` finds
the table rules in the pixels, ``page.py`` rebuilds lines and cells by position with the PDF
reader's cell rebuilding, ``scan.py`` reads many pages within a time limit. Only imported when the
``ocr`` extra is installed.
"""
