int classify_placeholder;
