import VoiceCloneKit
print("bench")
