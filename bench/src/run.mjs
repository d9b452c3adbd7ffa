// placeholder: the benchmark runner (issue 6)
console.log("bench: not written yet");
